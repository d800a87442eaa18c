/** The Amazon States Language: model, parsing, validation and expression evaluation. Pure. */
package io.stepwise.asl;
