package io.stepwise.asl.jsonata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonataTextTest {
  @Test
  void commentsBecomeSpacesAndStringsKeepThemWhenOnlyCommentsGo() {
    String text = "$a /* $b */ & '/* $c */' & \"it\\\"s $d\"";
    String noComments = JsonataText.withoutComments(text);
    assertThat(noComments).hasSameSizeAs(text).doesNotContain("$b").contains("'/* $c */'").contains("$d");
  }

  @Test
  void codeOnlyBlanksStringContentsIncludingEscapedQuotes() {
    String text = "$a & 'x\\'$b' & \"$c\" & `$d` & $e /* $f */";
    String code = JsonataText.codeOnly(text);
    assertThat(code).hasSameSizeAs(text).contains("$a").contains("$e")
        .doesNotContain("$b").doesNotContain("$c").doesNotContain("$d").doesNotContain("$f");
  }

  @Test
  void anUnterminatedCommentIsLeftForTheParserToReport() {
    assertThat(JsonataText.withoutComments("1 /* open")).isEqualTo("1 /* open");
  }
}
