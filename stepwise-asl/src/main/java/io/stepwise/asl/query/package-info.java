/**
 * JSONata mode: {@code {% %}} expressions compiled once with the dashjoin JSONata library, the
 * functions AWS adds to it, the conversion between Jackson trees and JSONata's values, and the
 * bounds that keep one author's expression from hanging or exhausting a shared engine.
 */
package io.stepwise.asl.query;
