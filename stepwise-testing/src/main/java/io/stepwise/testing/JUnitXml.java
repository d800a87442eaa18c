package io.stepwise.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a suite's result as JUnit XML, the report CI servers read (Jenkins, GitLab, GitHub
 * actions' reporters): one {@code testsuite} with a {@code testcase} per case; a failing case has
 * a {@code failure} whose message names what differs and whose text shows expected and actual, a
 * case that could not run an {@code error}. Times are in seconds.
 */
public final class JUnitXml {
  private JUnitXml() {}

  public static void write(SuiteResult result, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      write(result, out);
    }
  }

  public static void write(SuiteResult result, OutputStream out) throws IOException {
    try {
      XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      w.writeStartDocument("UTF-8", "1.0");
      w.writeCharacters("\n");
      w.writeStartElement("testsuite");
      w.writeAttribute("name", result.name());
      w.writeAttribute("tests", Integer.toString(result.cases().size()));
      w.writeAttribute("failures", Long.toString(result.failed() - result.errors()));
      w.writeAttribute("errors", Long.toString(result.errors()));
      w.writeAttribute("skipped", "0");
      w.writeAttribute("time", seconds(result.millis()));
      w.writeAttribute("timestamp",
          DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(result.started().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)));
      w.writeCharacters("\n");
      for (CaseResult c : result.cases()) {
        w.writeCharacters("  ");
        if (c.passed()) {
          w.writeEmptyElement("testcase");
          attributes(w, result, c);
        } else {
          w.writeStartElement("testcase");
          attributes(w, result, c);
          w.writeStartElement(c.error() != null ? "error" : "failure");
          w.writeAttribute("message", xml(c.message()));
          w.writeAttribute("type", c.error() != null ? "CaseError" : "AssertionError");
          w.writeCharacters(xml(c.text()));
          w.writeEndElement();
          w.writeEndElement();
        }
        w.writeCharacters("\n");
      }
      w.writeEndElement();
      w.writeCharacters("\n");
      w.writeEndDocument();
      w.flush();
      w.close();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
    }
  }

  private static void attributes(XMLStreamWriter w, SuiteResult suite, CaseResult c) throws XMLStreamException {
    w.writeAttribute("name", xml(c.name()));
    w.writeAttribute("classname", suite.name());
    w.writeAttribute("time", seconds(c.millis()));
  }

  /** Without the characters XML 1.0 cannot hold (control characters a cause may carry), each as U+FFFD. */
  private static String xml(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(c -> b.appendCodePoint(c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000 ? c : 0xFFFD));
    return b.toString();
  }

  private static String seconds(double millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000);
  }
}
