package io.pqzk.records.custodian;

import io.pqzk.records.RecordsException;
import io.pqzk.records.proto.OpeningResponse;
import io.pqzk.records.proto.PurgeRequest;
import io.pqzk.records.proto.PurgeResponse;
import io.pqzk.records.proto.ReadResponse;
import io.pqzk.records.proto.SignedOpeningRequest;
import io.pqzk.records.proto.SignedReadRequest;
import io.pqzk.records.proto.StatusResponse;

/**
 * What a custodian does for its callers, whatever carries the call: the gRPC service ({@code
 * io.pqzk.records.service}) and the command line's in-process shortcut call the same methods.
 * A refused read is a {@link ReadResponse} with a refusal, never an exception: an exception means
 * the request could not be judged (it does not parse, its signature does not verify, or the
 * custodian cannot reach its stores).
 */
public interface CustodianOperations {
  ReadResponse read(SignedReadRequest request, Caller caller) throws RecordsException;

  PurgeResponse purge(PurgeRequest request, Caller caller) throws RecordsException;

  OpeningResponse exportOpening(SignedOpeningRequest request, Caller caller)
      throws RecordsException;

  StatusResponse status() throws RecordsException;
}
