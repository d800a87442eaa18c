package io.stepwise.integrations.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A bad expression is refused before anything is read, with DynamoDB's message naming the expression and the problem. */
class ExpressionErrorsTest {
  Ddb ddb;

  @BeforeEach
  void open() {
    ddb = new Ddb(null);
    ddb.table("Orders", "S", null);
  }

  @AfterEach
  void close() {
    ddb.close();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      a = = :v                | {":v": {"S": "x"}} | Invalid ConditionExpression: Syntax error; token: "=", near: "= = :v"
      attribute_exists(a      |                    | Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "a"
      a = :v                  |                    | Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :v
      #a = :v                 | {":v": {"S": "x"}} | Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #a
      a = :v                  | {":v": {"S": "x"}, ":w": {"S": "y"}} | Value provided in ExpressionAttributeValues unused in expressions: keys: {:w}
      size = :v               | {":v": {"N": "1"}} | Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: size
      foo(a)                  |                    | Invalid ConditionExpression: Invalid function name; function: foo
      size(a)                 |                    | Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: size
      begins_with(a, :v)      | {":v": {"N": "1"}} | Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N
      attribute_type(a, :v)   | {":v": {"S": "XX"}} | Invalid ConditionExpression: Invalid attribute type name found; type: XX, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}
      a BETWEEN :h AND :l     | {":l": {"N": "1"}, ":h": {"N": "2"}} | Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:2}, upper bound operand: AttributeValue: {N:1}
      ''                      |                    | Invalid ConditionExpression: The expression can not be empty;
      """)
  void conditionErrors(String expression, String values, String message) {
    String input = "{\"TableName\": \"Orders\", \"Item\": {\"pk\": {\"S\": \"a\"}}, \"ConditionExpression\": \"" + expression.replace("\"", "\\\"") + "\""
        + (values == null ? "" : ", \"ExpressionAttributeValues\": " + values) + "}";
    assertThat(ddb.error("PutItem", input).getMessage()).isEqualTo(message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      SET                      | Invalid UpdateExpression: Syntax error; token: "<EOF>", near: "SET"
      FOO a                    | Invalid UpdateExpression: Syntax error; token: "FOO", near: "FOO a"
      SET a = :v SET b = :v    | Invalid UpdateExpression: The "SET" section can only be used once in an update expression;
      SET a = size(b)          | Invalid UpdateExpression: Invalid function name; function: size
      """)
  void updateErrors(String expression, String message) {
    String input = "{\"TableName\": \"Orders\", \"Key\": {\"pk\": {\"S\": \"a\"}}, \"UpdateExpression\": \"" + expression + "\""
        + (expression.contains(":v") ? ", \"ExpressionAttributeValues\": {\":v\": {\"N\": \"1\"}}" : "") + "}";
    assertThat(ddb.error("UpdateItem", input).getMessage()).isEqualTo(message);
  }
}
