package dev.vigil.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.export.EventRow;
import dev.vigil.model.Failure;
import dev.vigil.model.RawDocument;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.CompositeType;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.api.Test;

/**
 * The records that cross the job's network edges are Vigil's own, and Flink must serialise them
 * as POJOs (Java records are POJOs since Flink 1.19) all the way down, never through its Kryo
 * fallback: Kryo cannot set a record's final fields, and it is slow. A field Flink cannot type
 * (a {@code List} of records, say) would make that field generic and fail these tests.
 */
class StreamTypesTest {
  @Test
  void rawDocumentsAreFlinkPojosAllTheWayDown() {
    assertThat(TypeInformation.of(RawDocument.class)).isInstanceOf(PojoTypeInfo.class);
    assertThat(genericParts(TypeInformation.of(RawDocument.class))).isEmpty();
  }

  @Test
  void eventRowsAndFailuresAreFlinkPojosAllTheWayDown() {
    assertThat(TypeInformation.of(EventRow.class)).isInstanceOf(PojoTypeInfo.class);
    assertThat(genericParts(TypeInformation.of(EventRow.class))).isEmpty();
    assertThat(TypeInformation.of(Failure.class)).isInstanceOf(PojoTypeInfo.class);
    assertThat(genericParts(TypeInformation.of(Failure.class))).isEmpty();
  }

  @Test
  void aListOfRecordsWouldBeCaught() {
    record Holder(String id, List<RawDocument> documents) { }
    assertThat(genericParts(TypeInformation.of(Holder.class))).isNotEmpty();
  }

  /** The parts of {@code type}, itself included, that Flink would hand to Kryo. */
  private static List<TypeInformation<?>> genericParts(TypeInformation<?> type) {
    List<TypeInformation<?>> found = new ArrayList<>();
    if (type instanceof GenericTypeInfo) {
      found.add(type);
    } else if (type instanceof CompositeType<?> composite) {
      for (int i = 0; i < composite.getArity(); i++) {
        found.addAll(genericParts(composite.getTypeAt(i)));
      }
    }
    return found;
  }
}
