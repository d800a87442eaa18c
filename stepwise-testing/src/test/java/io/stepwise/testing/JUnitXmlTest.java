package io.stepwise.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The JUnit XML a CI server reads: one testsuite, a testcase per case, a failure with message and text, times in seconds. */
class JUnitXmlTest {
  @Test
  void aSuitesResultIsWellFormedJUnitXml() throws Exception {
    Suite suite = SuiteParser.parse("""
        definition: {StartAt: P, States: {P: {Type: Pass, Result: {total: 12}, End: true}}}
        cases:
          - {name: passes, expect: {output: {total: 12}}}
          - {name: "fails <&> \\"quoted\\"", expect: {output: {total: 10}}}
        """, "totals.yaml", Path.of("."));
    SuiteResult result = new SuiteRunner().run(suite);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JUnitXml.write(result, out);

    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray()));
    Element root = doc.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("testsuite");
    assertThat(root.getAttribute("name")).isEqualTo("totals");
    assertThat(root.getAttribute("tests")).isEqualTo("2");
    assertThat(root.getAttribute("failures")).isEqualTo("1");
    assertThat(root.getAttribute("errors")).isEqualTo("0");
    assertThat(Double.parseDouble(root.getAttribute("time"))).isGreaterThanOrEqualTo(0);
    NodeList cases = root.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(2);
    Element passed = (Element) cases.item(0);
    assertThat(passed.getAttribute("name")).isEqualTo("passes");
    assertThat(passed.getAttribute("classname")).isEqualTo("totals");
    assertThat(Double.parseDouble(passed.getAttribute("time"))).isGreaterThanOrEqualTo(0);
    assertThat(passed.getElementsByTagName("failure").getLength()).isZero();
    Element failed = (Element) cases.item(1);
    assertThat(failed.getAttribute("name")).isEqualTo("fails <&> \"quoted\"");
    Element failure = (Element) failed.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message")).isEqualTo("output differs: first difference at /total: expected 10, got 12");
    assertThat(failure.getTextContent()).contains("expected: {\"total\":10}").contains("actual:   {\"total\":12}");
  }
}
