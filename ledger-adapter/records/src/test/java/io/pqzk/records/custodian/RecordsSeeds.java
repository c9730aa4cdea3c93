package io.pqzk.records.custodian;

import com.google.protobuf.ByteString;
import com.google.protobuf.MessageLite;
import io.pqzk.records.proto.Delivery;
import io.pqzk.records.proto.OpeningRequest;
import io.pqzk.records.proto.ReadRequest;
import io.pqzk.records.proto.SignedOpeningRequest;
import io.pqzk.records.proto.VaultRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the records targets' seeds from a real custodian ({@link RecordsFuzzFixture}): the
 * access requests readers send (granted, without a grant, for another subject, breaking the
 * glass, asking for plaintext), an opening request, signed requests as they arrive, the real
 * exports of both records, and rewrites of a vault entry. Run only on request, from this
 * module's folder: {@code ./mvnw -pl ledger-adapter/records -am test -Dtest=RecordsSeeds
 * -Dfuzz.seeds=write -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "fuzz.seeds", matches = "write")
class RecordsSeeds {
  static final Path RESOURCES = Path.of("src/test/resources/io/pqzk/records/custodian");

  @Test
  void write() throws Exception {
    RecordsFuzzFixture x = RecordsFuzzFixture.get();
    Path req = Files.createDirectories(RESOURCES.resolve("CustodianRequestFuzzTestInputs/request"));
    String granted = Long.toString(RecordsFuzzFixture.GRANTED);
    String other = Long.toString(RecordsFuzzFixture.OTHER);
    write(req, "read-granted", 1, 0, ReadRequest.newBuilder().setSubjectId(granted)
        .setPurpose("TREAT").build());
    write(req, "read-plaintext", 1, 0, ReadRequest.newBuilder().setSubjectId(granted)
        .setPurpose("TREAT").setDelivery(Delivery.DELIVERY_PLAINTEXT_OVER_TLS).build());
    write(req, "read-no-grant", 1, 1, ReadRequest.newBuilder().setSubjectId(granted)
        .setPurpose("TREAT").build());
    write(req, "read-other-subject", 1, 0, ReadRequest.newBuilder().setSubjectId(other)
        .setPurpose("TREAT").build());
    write(req, "read-other-jurisdiction", 1, 2, ReadRequest.newBuilder().setSubjectId(granted)
        .setPurpose("TREAT").build());
    write(req, "read-break-glass", 1, 3, ReadRequest.newBuilder().setSubjectId(other)
        .setPurpose("ETREAT").setBreakGlassRole("emergency-physician")
        .setBreakGlassReason("unconscious patient in the emergency room").build());
    write(req, "read-expired", 1, 0, ReadRequest.newBuilder().setSubjectId(granted)
        .setPurpose("TREAT").setIssuedMillis(-600_000).setExpiresMillis(-300_000).build());
    write(req, "opening-granted", 2, 0, OpeningRequest.newBuilder().setSubjectId(granted)
        .build());
    write(req, "opening-unknown-subject", 2, 0, OpeningRequest.newBuilder()
        .setSubjectId("999999").build());
    write(req, "signed-read", 0, 0, Requests.sign(x.f.r("clinic-alpha").key(),
        x.f.request("clinic-alpha", RecordsFuzzFixture.GRANTED, "TREAT").build()));
    SignedOpeningRequest opening = x.opening(RecordsFuzzFixture.GRANTED);
    write(req, "signed-opening", 3, 0, opening);

    Path op = Files.createDirectories(RESOURCES.resolve("OpeningExportFuzzTestInputs/read"));
    Files.writeString(op.resolve("granted"), Openings.open(x.f.custodian.exportOpening(opening,
        Caller.inProcess()), x.f.authorityKem, x.f.genesis.chainId(), opening,
        x.f.authority.publicKey().keyId()));
    SignedOpeningRequest o2 = x.opening(RecordsFuzzFixture.OTHER);
    Files.writeString(op.resolve("other"), Openings.open(x.f.custodian.exportOpening(o2,
        Caller.inProcess()), x.f.authorityKem, x.f.genesis.chainId(), o2,
        x.f.authority.publicKey().keyId()));

    Path v = Files.createDirectories(RESOURCES.resolve("VaultEntryFuzzTestInputs/entry"));
    Files.write(v.resolve("the-entry-itself"), new byte[0]);
    Files.write(v.resolve("residency-de"), VaultRecord.newBuilder().setResidency("DE").build()
        .toByteArray());
    Files.write(v.resolve("key-version-2"), VaultRecord.newBuilder().setKeyVersion(2).build()
        .toByteArray());
    Files.write(v.resolve("document-nonce"), VaultRecord.newBuilder().setDocumentNonce(
        ByteString.copyFrom(new byte[12])).build().toByteArray());
    Files.write(v.resolve("another-commitment"), VaultRecord.newBuilder().setRecordCommitment(
        ByteString.copyFrom(new byte[32])).build().toByteArray());
    Files.write(v.resolve("format-2-schema"), VaultRecord.newBuilder().setFormat(2)
        .setSchema("pqzk-record/v2").build().toByteArray());
  }

  private static void write(Path dir, String name, int mode, int reader, MessageLite m)
      throws Exception {
    byte[] body = m.toByteArray();
    byte[] b = new byte[body.length + 2];
    b[0] = (byte) mode;
    b[1] = (byte) reader;
    System.arraycopy(body, 0, b, 2, body.length);
    Files.write(dir.resolve(name), b);
  }
}
