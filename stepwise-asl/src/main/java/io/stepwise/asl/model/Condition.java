package io.stepwise.asl.model;

import io.stepwise.asl.expr.Scope;
import java.util.List;

/** A Choice rule's condition: a comparison, a boolean combination, or a JSONata Condition. */
public interface Condition {
  boolean test(Scope scope);

  record And(List<Condition> all) implements Condition {
    @Override
    public boolean test(Scope scope) {
      for (Condition c : all) {
        if (!c.test(scope)) {
          return false;
        }
      }
      return true;
    }
  }

  record Or(List<Condition> any) implements Condition {
    @Override
    public boolean test(Scope scope) {
      for (Condition c : any) {
        if (c.test(scope)) {
          return true;
        }
      }
      return false;
    }
  }

  record Not(Condition inner) implements Condition {
    @Override
    public boolean test(Scope scope) {
      return !inner.test(scope);
    }
  }
}
