package io.pqzk.zk.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Example;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

class PolicyPropertiesTest {

  @Provide
  Arbitrary<Predicate> predicates() {
    return Combinators.combine(Arbitraries.of(Attribute.class), Arbitraries.of(Predicate.Op.class),
        Arbitraries.longs().between(0, Attribute.MAX_PRESENT)).as(Predicate::new);
  }

  @Provide
  Arbitrary<Policy> policies() {
    return predicates().list().ofMinSize(1).ofMaxSize(Policy.MAX_PREDICATES).map(Policy::new);
  }

  @Property(tries = 300)
  void parse_ofToString_roundTrips(@ForAll("policies") Policy p) {
    assertEquals(p, Policy.parse(p.toString()));
  }

  @Property(tries = 200)
  void parse_ignoresWhitespaceAroundTokens(@ForAll("policies") Policy p,
      @ForAll("spaces") String s) {
    StringBuilder b = new StringBuilder();
    for (Predicate q : p.predicates()) {
      if (b.length() > 0) {
        b.append(s).append("&&").append(s);
      }
      b.append(s).append(q.attribute().columnName()).append(s).append(q.op().symbol()).append(s)
          .append(q.constant()).append(s);
    }
    assertEquals(p, Policy.parse(b.toString()));
  }

  @Provide
  Arbitrary<String> spaces() {
    return Arbitraries.strings().withChars(' ', '\t').ofMaxLength(3);
  }

  /** Any string either parses to a policy that round-trips, or is refused with a typed error. */
  @Property(tries = 500)
  void parse_junk_onlyIllegalArgument(@ForAll @StringLength(max = 40) String junk) {
    Policy p;
    try {
      p = Policy.parse(junk);
    } catch (IllegalArgumentException expected) {
      return;
    }
    assertEquals(p, Policy.parse(p.toString()));
  }

  /** Near-misses of the grammar built from its own tokens. */
  @Property(tries = 500)
  void parse_mangledTokens_onlyIllegalArgument(@ForAll("mangled") String s) {
    try {
      Policy p = Policy.parse(s);
      assertEquals(p, Policy.parse(p.toString()));
    } catch (IllegalArgumentException expected) {
      // typed refusal
    }
  }

  @Provide
  Arbitrary<String> mangled() {
    Arbitrary<String> token = Arbitraries.of("fitness", "vax_date", ">=", "<=", "==", "=", ">",
        "&&", "&", "70", "-1", "4294967296", "99999999999", " ", "", "x", "0x10", "1e3");
    return token.list().ofMaxSize(8).map(l -> String.join("", l));
  }

  @Example
  void parse_rejectsTypicalMistakes() {
    for (String bad : List.of("", "  ", "fitness>70", "fitness=>70", "fitness>=-1",
        "fitness>=4294967296", "fitness>=4294967295", "fitness==4294967295", "fitness>=70 &&",
        "&& fitness>=70", "fitness>=70 & age<=3",
        "height>=1", "fitness>=7O", "fitness>=70 && fitness>=71 && fitness>=72 && fitness>=73"
            + " && fitness>=74 && fitness>=75 && fitness>=76 && fitness>=77 && fitness>=78")) {
      assertThrows(IllegalArgumentException.class, () -> Policy.parse(bad), bad);
    }
  }
}
