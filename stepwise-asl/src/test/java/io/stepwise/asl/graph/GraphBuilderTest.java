package io.stepwise.asl.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.stepwise.asl.graph.WorkflowGraph.Edge;
import io.stepwise.asl.graph.WorkflowGraph.EdgeKind;
import io.stepwise.asl.graph.WorkflowGraph.Kind;
import io.stepwise.asl.graph.WorkflowGraph.Node;
import io.stepwise.asl.json.Json;
import org.junit.jupiter.api.Test;

/** A definition's graph: every state a node, Parallel branches and a Map's processor as groups, each kind of edge told apart. */
class GraphBuilderTest {
  static final String ORDER = """
      {"StartAt":"Check","States":{
        "Check":{"Type":"Choice","Choices":[
          {"Variable":"$.total","NumericGreaterThan":100,"Next":"Review"},
          {"And":[{"Variable":"$.vip","BooleanEquals":true},{"Variable":"$.country","StringEquals":"FR"}],"Next":"Pay"}],
          "Default":"Pay"},
        "Review":{"Type":"Wait","Seconds":5,"Next":"Pay"},
        "Pay":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Next":"Both",
          "Retry":[{"ErrorEquals":["Lambda.TooManyRequestsException"],"MaxAttempts":4}],
          "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Declined"}]},
        "Both":{"Type":"Parallel","Next":"Lines","Branches":[
          {"StartAt":"Notify","States":{"Notify":{"Type":"Pass","End":true}}},
          {"StartAt":"Courier","States":{"Courier":{"Type":"Pass","End":true}}}]},
        "Lines":{"Type":"Map","End":true,"ItemProcessor":{"StartAt":"Line","States":{"Line":{"Type":"Pass","End":true}}}},
        "Declined":{"Type":"Fail","Error":"PaymentDeclined"}}}""";

  private static WorkflowGraph graph() throws Exception {
    return GraphBuilder.of(Json.parse(ORDER));
  }

  @Test
  void statesAreNodesByPointerAndBranchesAndProcessorsAreGroupsInsideTheirState() throws Exception {
    WorkflowGraph g = graph();
    assertThat(g.nodes()).filteredOn(n -> n.kind() == Kind.STATE).extracting(Node::id, Node::type, Node::parent).containsExactly(
        tuple("States/Check", "Choice", null), tuple("States/Review", "Wait", null), tuple("States/Pay", "Task", null),
        tuple("States/Both", "Parallel", null),
        tuple("States/Both/Branches/0/States/Notify", "Pass", "States/Both/Branches/0"),
        tuple("States/Both/Branches/1/States/Courier", "Pass", "States/Both/Branches/1"),
        tuple("States/Lines", "Map", null), tuple("States/Lines/ItemProcessor/States/Line", "Pass", "States/Lines/ItemProcessor"),
        tuple("States/Declined", "Fail", null));
    assertThat(g.nodes()).filteredOn(n -> n.kind() == Kind.GROUP).extracting(Node::id, Node::label, Node::parent).containsExactly(
        tuple("States/Both/Branches/0", "Branch 1", "States/Both"), tuple("States/Both/Branches/1", "Branch 2", "States/Both"),
        tuple("States/Lines/ItemProcessor", "Item processor", "States/Lines"));
    assertThat(g.nodes()).filteredOn(n -> n.kind() == Kind.START).hasSize(4); // the machine, two branches, the processor
  }

  @Test
  void choiceRulesDefaultCatchAndRetryAreEdgesOfTheirOwnWithLabels() throws Exception {
    WorkflowGraph g = graph();
    assertThat(g.edges()).filteredOn(e -> e.from().equals("States/Check")).extracting(Edge::to, Edge::kind, Edge::label)
        .containsExactly(tuple("States/Review", EdgeKind.CHOICE, "$.total > 100"),
            tuple("States/Pay", EdgeKind.CHOICE, "$.vip == true and $.country == \"FR\""),
            tuple("States/Pay", EdgeKind.DEFAULT, "Default"));
    assertThat(g.edges()).filteredOn(e -> e.from().equals("States/Pay")).extracting(Edge::to, Edge::kind, Edge::label)
        .containsExactly(tuple("States/Both", EdgeKind.NEXT, null),
            tuple("States/Pay", EdgeKind.RETRY, "retry Lambda.TooManyRequestsException ×4"),
            tuple("States/Declined", EdgeKind.CATCH, "catch States.ALL"));
    assertThat(g.edges()).contains(new Edge("#start", "States/Check", EdgeKind.NEXT, null),
        new Edge("States/Declined", "#end", EdgeKind.NEXT, null), new Edge("States/Lines", "#end", EdgeKind.NEXT, null),
        new Edge("States/Both/Branches/1#start", "States/Both/Branches/1/States/Courier", EdgeKind.NEXT, null),
        new Edge("States/Lines/ItemProcessor/States/Line", "States/Lines/ItemProcessor#end", EdgeKind.NEXT, null));
  }

  @Test
  void dotDrawsGroupsAsClustersAndCatchRetryAndDefaultDistinctly() throws Exception {
    String dot = GraphText.dot(graph(), GraphText.Direction.LEFT_RIGHT);
    assertThat(dot).startsWith("digraph workflow {\n  rankdir=LR;");
    assertThat(dot).contains("subgraph cluster_", "label=\"Branch 1\"", "label=\"Item processor\"", "shape=diamond",
        "[label=\"catch States.ALL\", style=dashed", "[label=\"retry Lambda.TooManyRequestsException ×4\", style=dotted",
        "[label=\"Default\", style=bold]", "[label=\"$.total > 100\"]");
    assertThat(dot.chars().filter(c -> c == '{').count()).isEqualTo(dot.chars().filter(c -> c == '}').count());
  }

  @Test
  void mermaidDrawsTheSameGraphAsAFlowchart() throws Exception {
    WorkflowGraph g = graph();
    String m = GraphText.mermaid(g, GraphText.Direction.TOP_DOWN);
    assertThat(m).startsWith("flowchart TD\n");
    assertThat(m).contains("{\"Check<br/>Choice\"}", "subgraph", "[\"Branch 1\"]", "-.->|\"catch States.ALL\"|", "==>|\"Default\"|",
        "-->|\"$.total > 100\"|");
    assertThat(m.lines().filter(l -> l.trim().startsWith("subgraph")).count())
        .isEqualTo(m.lines().filter(l -> l.trim().equals("end")).count());
    assertThat(m.lines().filter(l -> l.contains("-->") || l.contains("-.->") || l.contains("==>")).count()).isEqualTo(g.edges().size());
  }

  @Test
  void aJsonataConditionIsLabelledAsWrittenAndALongRuleIsCut() throws Exception {
    String def = """
        {"QueryLanguage":"JSONata","StartAt":"C","States":{"C":{"Type":"Choice","Choices":[
          {"Condition":"{% $states.input.total > 100 %}","Next":"A"},
          {"Condition":"{% $states.input.a = 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' %}","Next":"A"}],
          "Default":"A"},"A":{"Type":"Succeed"}}}""";
    WorkflowGraph g = GraphBuilder.of(Json.parse(def));
    assertThat(g.edges()).filteredOn(e -> e.kind() == EdgeKind.CHOICE).extracting(Edge::label).satisfiesExactly(
        l -> assertThat(l).isEqualTo("$states.input.total > 100"),
        l -> assertThat(l).hasSize(ChoiceLabels.MAX).endsWith("…"));
  }
}
