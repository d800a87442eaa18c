package io.stepwise.integrations.dynamodb;

/**
 * The operation sequences {@link DynaliteEquivalenceTest} runs on both implementations, one
 * {@code Operation {input}} a line; {@code T_} stands for the sequence's table prefix.
 */
final class Sequences {
  private Sequences() {}

  private static final String HASH_RANGE = """
      CreateTable {"TableName":"T_hr","BillingMode":"PAY_PER_REQUEST","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}]}
      """;
  private static final String HASH = """
      CreateTable {"TableName":"T_h","BillingMode":"PAY_PER_REQUEST","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}]}
      """;

  static String of(String name) {
    return switch (name) {
      case "tables" -> HASH_RANGE + """
          DescribeTable {"TableName":"T_hr"}
          ~CreateTable {"TableName":"T_hr","BillingMode":"PAY_PER_REQUEST","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}]}
          CreateTable {"TableName":"T_p","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"B"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"ProvisionedThroughput":{"ReadCapacityUnits":5,"WriteCapacityUnits":2}}
          DescribeTable {"TableName":"T_p"}
          CreateTable {"TableName":"T_x","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}]}
          CreateTable {"TableName":"T_x","BillingMode":"PAY_PER_REQUEST","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"x","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}]}
          CreateTable {"TableName":"T_x","BillingMode":"PAY_PER_REQUEST","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"zz","KeyType":"HASH"}]}
          CreateTable {"TableName":"T_x","BillingMode":"PAY_PER_REQUEST","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"Q"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}]}
          ListTables {"Limit":1}
          ListTables {"ExclusiveStartTableName":"T_hr"}
          ListTables {"Limit":0}
          DeleteTable {"TableName":"T_p"}
          DescribeTable {"TableName":"T_p"}
          DeleteTable {"TableName":"T_p"}
          PutItem {"TableName":"T_p","Item":{"pk":{"B":"AQ=="}}}
          """;
      case "items" -> HASH_RANGE + """
          PutItem {"TableName":"T_hr","Item":{"pk":{"S":"a"},"sk":{"N":"01.50"},"n":{"N":"-00.0100e3"},"z":{"N":"-0"},"big":{"N":"1e100"},"small":{"N":"1.5e-20"},"ns":{"NS":["3","1e1","2.50"]},"bs":{"BS":["AQI=","AQ=="]},"m":{"M":{"l":{"L":[{"NULL":true},{"BOOL":false},{"B":"AAE="}]}}}}}
          GetItem {"TableName":"T_hr","Key":{"pk":{"S":"a"},"sk":{"N":"1.5"}}}
          GetItem {"TableName":"T_hr","Key":{"pk":{"S":"a"},"sk":{"N":"1.50"}},"ProjectionExpression":"m.l[2], ns, missing1"}
          GetItem {"TableName":"T_hr","Key":{"pk":{"S":"a"},"sk":{"N":"1.5"}},"AttributesToGet":["n","z"]}
          GetItem {"TableName":"T_hr","Key":{"pk":{"S":"zz"},"sk":{"N":"1.5"}}}
          GetItem {"TableName":"T_hr","Key":{"pk":{"S":"a"}}}
          GetItem {"TableName":"T_hr","Key":{"pk":{"S":"a"},"sk":{"S":"1"}}}
          GetItem {"TableName":"T_hr","Key":{"pk":{"S":"a"},"sk":{"N":"1"},"x":{"S":"y"}}}
          PutItem {"TableName":"T_hr","Item":{"pk":{"S":"a"}}}
          PutItem {"TableName":"T_hr","Item":{"pk":{"S":"a"},"sk":{"S":"x"}}}
          PutItem {"TableName":"T_hr","Item":{"pk":{"S":""},"sk":{"N":"1"}}}
          PutItem {"TableName":"T_hr","Item":{"pk":{"S":"a"},"sk":{"N":"1"},"e":{}}}
          PutItem {"TableName":"T_hr","Item":{"pk":{"S":"a"},"sk":{"N":"1"},"e":{"S":"a","N":"1"}}}
          PutItem {"TableName":"T_hr","Item":{"pk":{"S":"a"},"sk":{"N":"1"},"e":{"SS":[]}}}
          PutItem {"TableName":"T_hr","Item":{"pk":{"S":"a"},"sk":{"N":"1"},"e":{"NS":[]}}}
          PutItem {"TableName":"T_hr","Item":{"pk":{"S":"a"},"sk":{"N":"1"},"e":{"BS":[]}}}
          PutItem {"TableName":"T_hr","Item":{"pk":{"S":"a"},"sk":{"N":"1"},"e":{"SS":["a","a"]}}}
          PutItem {"TableName":"T_hr","Item":{"pk":{"S":"a"},"sk":{"N":"1"},"e":{"NS":["1","1.0"]}}}
          PutItem {"TableName":"T_hr","Item":{"pk":{"S":"a"},"sk":{"N":"abc"}}}
          PutItem {"TableName":"T_hr","Item":{"pk":{"S":"a"},"sk":{"N":"1"},"e":{"N":"123456789012345678901234567890123456789"}}}
          PutItem {"TableName":"T_hr","Item":{"pk":{"S":"a"},"sk":{"N":"1"},"e":{"N":"1e126"}}}
          PutItem {"TableName":"T_hr","Item":{"pk":{"S":"a"},"sk":{"N":"1"},"e":{"N":"1e-131"}}}
          PutItem {"TableName":"T_hr","Item":{"pk":{"S":"a"},"sk":{"N":"1"},"e":{"NULL":false}}}
          PutItem {"TableName":"T_hr","Item":{"pk":{"S":"a"},"sk":{"N":"1"},"v":{"S":"one"}},"ReturnValues":"ALL_OLD"}
          PutItem {"TableName":"T_hr","Item":{"pk":{"S":"a"},"sk":{"N":"1"},"v":{"S":"two"}},"ReturnValues":"ALL_OLD"}
          PutItem {"TableName":"T_hr","Item":{"pk":{"S":"a"},"sk":{"N":"1"}},"ReturnValues":"ALL_NEW"}
          DeleteItem {"TableName":"T_hr","Key":{"pk":{"S":"a"},"sk":{"N":"1"}},"ReturnValues":"ALL_OLD"}
          DeleteItem {"TableName":"T_hr","Key":{"pk":{"S":"a"},"sk":{"N":"1"}},"ReturnValues":"ALL_OLD"}
          PutItem {"TableName":"T_none","Item":{"pk":{"S":"a"}}}
          GetItem {"TableName":"ab","Key":{"pk":{"S":"a"}}}
          """;
      case "conditions" -> HASH + """
          PutItem {"TableName":"T_h","Item":{"pk":{"S":"a"},"n":{"N":"5"},"s":{"S":"hello"},"ss":{"SS":["x","y"]},"l":{"L":[{"S":"e"}]},"m":{"M":{"k":{"N":"1"}}}}}
          PutItem {"TableName":"T_h","Item":{"pk":{"S":"a"}},"ConditionExpression":"attribute_not_exists(pk)"}
          PutItem {"TableName":"T_h","Item":{"pk":{"S":"b"}},"ConditionExpression":"attribute_not_exists(pk)"}
          DeleteItem {"TableName":"T_h","Key":{"pk":{"S":"a"}},"ConditionExpression":"n BETWEEN :lo AND :hi AND begins_with(s, :he) AND contains(ss, :x) AND size(l) = :one AND attribute_type(m, :m) AND m.k IN (:one, :lo)","ExpressionAttributeValues":{":lo":{"N":"6"},":hi":{"N":"9"},":he":{"S":"he"},":x":{"S":"x"},":one":{"N":"1"},":m":{"S":"M"}}}
          DeleteItem {"TableName":"T_h","Key":{"pk":{"S":"a"}},"ConditionExpression":"(n < :lo OR n > :hi) AND NOT contains(s, :z)","ExpressionAttributeValues":{":lo":{"N":"6"},":hi":{"N":"9"},":z":{"S":"z"}}}
          PutItem {"TableName":"T_h","Item":{"pk":{"S":"a"}},"ConditionExpression":"#k = :v","ExpressionAttributeValues":{":v":{"S":"x"}}}
          PutItem {"TableName":"T_h","Item":{"pk":{"S":"a"}},"ConditionExpression":"a = :v"}
          PutItem {"TableName":"T_h","Item":{"pk":{"S":"a"}},"ConditionExpression":"a = :v","ExpressionAttributeValues":{":v":{"S":"x"},":w":{"S":"y"}}}
          PutItem {"TableName":"T_h","Item":{"pk":{"S":"a"}},"ConditionExpression":"a = :v","ExpressionAttributeNames":{"#n":"x"},"ExpressionAttributeValues":{":v":{"S":"x"}}}
          PutItem {"TableName":"T_h","Item":{"pk":{"S":"a"}},"ConditionExpression":"size = :v","ExpressionAttributeValues":{":v":{"S":"x"}}}
          PutItem {"TableName":"T_h","Item":{"pk":{"S":"a"}},"ConditionExpression":"foo(a)"}
          PutItem {"TableName":"T_h","Item":{"pk":{"S":"a"}},"ConditionExpression":"size(a)"}
          PutItem {"TableName":"T_h","Item":{"pk":{"S":"a"}},"ConditionExpression":"begins_with(a, :t)","ExpressionAttributeValues":{":t":{"N":"1"}}}
          PutItem {"TableName":"T_h","Item":{"pk":{"S":"a"}},"ConditionExpression":"attribute_type(a, :t)","ExpressionAttributeValues":{":t":{"S":"XX"}}}
          PutItem {"TableName":"T_h","Item":{"pk":{"S":"a"}},"ConditionExpression":"a BETWEEN :b AND :a","ExpressionAttributeValues":{":a":{"N":"1"},":b":{"N":"2"}}}
          PutItem {"TableName":"T_h","Item":{"pk":{"S":"a"}},"ConditionExpression":""}
          PutItem {"TableName":"T_h","Item":{"pk":{"S":"a"}},"ConditionExpression":"attribute_exists(pk)","ExpressionAttributeValues":{}}
          ~PutItem {"TableName":"T_h","Item":{"pk":{"S":"a"}},"ConditionExpression":"a = = :v","ExpressionAttributeValues":{":v":{"S":"x"}}}
          ~PutItem {"TableName":"T_h","Item":{"pk":{"S":"a"}},"ConditionExpression":"attribute_exists(a"}
          ~PutItem {"TableName":"T_h","Item":{"pk":{"S":"a"}},"ConditionExpression":"a IN ()"}
          GetItem {"TableName":"T_h","Key":{"pk":{"S":"a"}}}
          """;
      case "updates" -> HASH + """
          PutItem {"TableName":"T_h","Item":{"pk":{"S":"a"},"n":{"N":"5"},"l":{"L":[{"S":"x"},{"S":"y"},{"S":"z"}]},"m":{"M":{"a":{"N":"1"},"b":{"M":{"c":{"S":"d"}}}}},"ss":{"SS":["p","q"]},"s":{"S":"hello"}}}
          UpdateItem {"TableName":"T_h","Key":{"pk":{"S":"a"}},"UpdateExpression":"SET n = n + :one, m.b.c = :v, l[1] = :v","ExpressionAttributeValues":{":one":{"N":"1"},":v":{"S":"new"}},"ReturnValues":"ALL_NEW"}
          UpdateItem {"TableName":"T_h","Key":{"pk":{"S":"a"}},"UpdateExpression":"REMOVE l[0] SET x = if_not_exists(x, :z), y = :z - n","ExpressionAttributeValues":{":z":{"N":"0"}},"ReturnValues":"UPDATED_NEW"}
          UpdateItem {"TableName":"T_h","Key":{"pk":{"S":"a"}},"UpdateExpression":"ADD ss :s, cnt :one","ExpressionAttributeValues":{":s":{"SS":["r"]},":one":{"N":"1"}},"ReturnValues":"UPDATED_OLD"}
          UpdateItem {"TableName":"T_h","Key":{"pk":{"S":"a"}},"UpdateExpression":"DELETE ss :p","ExpressionAttributeValues":{":p":{"SS":["p","q","r"]}},"ReturnValues":"ALL_NEW"}
          UpdateItem {"TableName":"T_h","Key":{"pk":{"S":"a"}},"UpdateExpression":"SET l = list_append(l, :more), #s = :v","ExpressionAttributeNames":{"#s":"s"},"ExpressionAttributeValues":{":more":{"L":[{"N":"9"}]},":v":{"S":"bye"}},"ReturnValues":"UPDATED_NEW"}
          UpdateItem {"TableName":"T_h","Key":{"pk":{"S":"a"}},"UpdateExpression":"SET s = s + :one","ExpressionAttributeValues":{":one":{"N":"1"}}}
          UpdateItem {"TableName":"T_h","Key":{"pk":{"S":"a"}},"UpdateExpression":"SET pk = :one","ExpressionAttributeValues":{":one":{"S":"1"}}}
          UpdateItem {"TableName":"T_h","Key":{"pk":{"S":"a"}},"UpdateExpression":"SET a = :one, a.b = :one","ExpressionAttributeValues":{":one":{"S":"1"}}}
          UpdateItem {"TableName":"T_h","Key":{"pk":{"S":"a"}},"UpdateExpression":"SET nope.deep = :one","ExpressionAttributeValues":{":one":{"S":"1"}}}
          UpdateItem {"TableName":"T_h","Key":{"pk":{"S":"a"}},"UpdateExpression":"ADD s :one","ExpressionAttributeValues":{":one":{"S":"1"}}}
          UpdateItem {"TableName":"T_h","Key":{"pk":{"S":"a"}},"UpdateExpression":"DELETE s :one","ExpressionAttributeValues":{":one":{"N":"1"}}}
          UpdateItem {"TableName":"T_h","Key":{"pk":{"S":"a"}},"UpdateExpression":"SET a = :one SET b = :one","ExpressionAttributeValues":{":one":{"N":"1"}}}
          UpdateItem {"TableName":"T_h","Key":{"pk":{"S":"a"}},"UpdateExpression":"SET a = missing1 + :one","ExpressionAttributeValues":{":one":{"N":"1"}}}
          UpdateItem {"TableName":"T_h","Key":{"pk":{"S":"a"}},"UpdateExpression":"SET a = :one","ConditionExpression":"n > :ten","ExpressionAttributeValues":{":one":{"N":"1"},":ten":{"N":"10"}}}
          UpdateItem {"TableName":"T_h","Key":{"pk":{"S":"a"}},"UpdateExpression":"SET a = size(s)"}
          ~UpdateItem {"TableName":"T_h","Key":{"pk":{"S":"a"}},"UpdateExpression":"SET"}
          UpdateItem {"TableName":"T_h","Key":{"pk":{"S":"new"}}}
          UpdateItem {"TableName":"T_h","Key":{"pk":{"S":"new2"}},"UpdateExpression":"SET c = :one","ExpressionAttributeValues":{":one":{"N":"1"}},"ReturnValues":"ALL_OLD"}
          UpdateItem {"TableName":"T_h","Key":{"pk":{"S":"new3"}},"UpdateExpression":"ADD c :one","ExpressionAttributeValues":{":one":{"N":"1"}},"ReturnValues":"ALL_NEW"}
          GetItem {"TableName":"T_h","Key":{"pk":{"S":"a"}}}
          GetItem {"TableName":"T_h","Key":{"pk":{"S":"new"}}}
          """;
      case "queries" -> HASH_RANGE + """
          BatchWriteItem {"RequestItems":{"T_hr":[{"PutRequest":{"Item":{"pk":{"S":"a"},"sk":{"N":"-10"},"v":{"S":"x"}}}},{"PutRequest":{"Item":{"pk":{"S":"a"},"sk":{"N":"-2.5"}}}},{"PutRequest":{"Item":{"pk":{"S":"a"},"sk":{"N":"0"}}}},{"PutRequest":{"Item":{"pk":{"S":"a"},"sk":{"N":"3"},"v":{"S":"y"}}}},{"PutRequest":{"Item":{"pk":{"S":"a"},"sk":{"N":"12"}}}},{"PutRequest":{"Item":{"pk":{"S":"a"},"sk":{"N":"100"}}}},{"PutRequest":{"Item":{"pk":{"S":"b"},"sk":{"N":"1"}}}}]}}
          Query {"TableName":"T_hr","KeyConditionExpression":"pk = :k","ExpressionAttributeValues":{":k":{"S":"a"}}}
          Query {"TableName":"T_hr","KeyConditionExpression":"pk = :k","ExpressionAttributeValues":{":k":{"S":"a"}},"ScanIndexForward":false,"Limit":2}
          Query {"TableName":"T_hr","KeyConditionExpression":"pk = :k","ExpressionAttributeValues":{":k":{"S":"a"}},"ScanIndexForward":false,"Limit":2,"ExclusiveStartKey":{"pk":{"S":"a"},"sk":{"N":"12"}}}
          Query {"TableName":"T_hr","KeyConditionExpression":"pk = :k","ExpressionAttributeValues":{":k":{"S":"a"}},"Limit":6}
          Query {"TableName":"T_hr","KeyConditionExpression":"pk = :k AND sk BETWEEN :lo AND :hi","ExpressionAttributeValues":{":k":{"S":"a"},":lo":{"N":"-3"},":hi":{"N":"12"}}}
          Query {"TableName":"T_hr","KeyConditionExpression":"sk > :lo AND pk = :k","ExpressionAttributeValues":{":k":{"S":"a"},":lo":{"N":"0"}}}
          Query {"TableName":"T_hr","KeyConditionExpression":"(pk = :k) AND (sk <= :lo)","ExpressionAttributeValues":{":k":{"S":"a"},":lo":{"N":"0"}}}
          Query {"TableName":"T_hr","KeyConditionExpression":"pk = :k","FilterExpression":"attribute_exists(v)","ExpressionAttributeValues":{":k":{"S":"a"}},"Limit":4}
          Query {"TableName":"T_hr","KeyConditionExpression":"pk = :k","FilterExpression":"attribute_exists(v)","ExpressionAttributeValues":{":k":{"S":"a"}},"Select":"COUNT"}
          Query {"TableName":"T_hr","KeyConditionExpression":"pk = :k","ProjectionExpression":"v","ExpressionAttributeValues":{":k":{"S":"a"}}}
          Query {"TableName":"T_hr","KeyConditionExpression":"pk = :k AND sk = :k","ExpressionAttributeValues":{":k":{"S":"a"}}}
          Query {"TableName":"T_hr","KeyConditionExpression":"sk = :r","ExpressionAttributeValues":{":r":{"N":"1"}}}
          Query {"TableName":"T_hr","KeyConditionExpression":"pk < :k","ExpressionAttributeValues":{":k":{"S":"a"}}}
          Query {"TableName":"T_hr","KeyConditionExpression":"pk = :k OR sk = :r","ExpressionAttributeValues":{":k":{"S":"a"},":r":{"N":"1"}}}
          Query {"TableName":"T_hr","KeyConditionExpression":"pk = :k AND begins_with(sk, :r)","ExpressionAttributeValues":{":k":{"S":"a"},":r":{"N":"1"}}}
          Query {"TableName":"T_hr","KeyConditionExpression":"pk = :k AND sk <> :r","ExpressionAttributeValues":{":k":{"S":"a"},":r":{"N":"1"}}}
          Query {"TableName":"T_hr","KeyConditionExpression":"pk = :k AND sk = :r AND sk = :r","ExpressionAttributeValues":{":k":{"S":"a"},":r":{"N":"1"}}}
          Query {"TableName":"T_hr","KeyConditionExpression":"pk = :k","FilterExpression":"sk = :r","ExpressionAttributeValues":{":k":{"S":"a"},":r":{"N":"1"}}}
          Query {"TableName":"T_hr"}
          """;
      case "scans" -> HASH_RANGE + """
          BatchWriteItem {"RequestItems":{"T_hr":[{"PutRequest":{"Item":{"pk":{"S":"a"},"sk":{"N":"1"},"v":{"N":"1"}}}},{"PutRequest":{"Item":{"pk":{"S":"b"},"sk":{"N":"2"},"v":{"N":"2"}}}},{"PutRequest":{"Item":{"pk":{"S":"c"},"sk":{"N":"3"},"v":{"N":"3"}}}},{"PutRequest":{"Item":{"pk":{"S":"d"},"sk":{"N":"4"}}}},{"PutRequest":{"Item":{"pk":{"S":"e"},"sk":{"N":"5"},"v":{"N":"5"}}}}]}}
          ScanAll {"TableName":"T_hr"}
          ScanAll {"TableName":"T_hr","Limit":2}
          ScanAll {"TableName":"T_hr","Limit":5}
          ScanAll {"TableName":"T_hr","FilterExpression":"v >= :two","ExpressionAttributeValues":{":two":{"N":"2"}},"Limit":2}
          ScanAll {"TableName":"T_hr","ProjectionExpression":"pk, #v","ExpressionAttributeNames":{"#v":"v"}}
          Scan {"TableName":"T_hr","Select":"COUNT"}
          Scan {"TableName":"T_hr","Segment":1}
          Scan {"TableName":"T_hr","TotalSegments":2}
          Scan {"TableName":"T_hr","Segment":2,"TotalSegments":2}
          Scan {"TableName":"T_hr","ExpressionAttributeNames":{"#a":"x"}}
          Scan {"TableName":"T_hr","ExclusiveStartKey":{"pk":{"S":"a"}}}
          """;
      case "batches" -> HASH + """
          BatchWriteItem {"RequestItems":{"T_h":[{"PutRequest":{"Item":{"pk":{"S":"b1"}}}},{"PutRequest":{"Item":{"pk":{"S":"b2"},"x":{"S":"y"}}}}]}}
          BatchWriteItem {"RequestItems":{"T_h":[{"PutRequest":{"Item":{"pk":{"S":"b3"}}}},{"DeleteRequest":{"Key":{"pk":{"S":"b1"}}}}]}}
          BatchWriteItem {"RequestItems":{"T_h":[{"PutRequest":{"Item":{"pk":{"S":"b1"}}}},{"PutRequest":{"Item":{"pk":{"S":"b1"}}}}]}}
          BatchGetItem {"RequestItems":{"T_h":{"Keys":[{"pk":{"S":"b2"}},{"pk":{"S":"zz"}}],"ProjectionExpression":"x"}}}
          BatchGetItem {"RequestItems":{"T_h":{"Keys":[{"pk":{"S":"b1"}},{"pk":{"S":"b1"}}]}}}
          BatchGetItem {"RequestItems":{"T_nope":{"Keys":[{"pk":{"S":"b1"}}]}}}
          ScanAll {"TableName":"T_h"}
          """;
      default -> throw new IllegalArgumentException(name);
    };
  }
}
