// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

/// Post-quantum attestations of another chain's blocks, as digests an EVM chain can carry.
/// For each foreign block (chain, chain id, number) it stores the block hash and the SHA-256 of
/// the quorum certificate that gathered its attestations; the certificate itself (ML-DSA and
/// SLH-DSA signatures, kilobytes each) stays off-chain, where anyone can check it against the
/// attesters file and this digest. Only the deployer records, and a block is recorded once: a
/// recorded digest can never be replaced.
contract AttestationRegistry {
    struct Entry {
        bytes32 blockHash;
        bytes32 certificateDigest;
    }

    address public immutable recorder;
    mapping(bytes32 => Entry) private entries;

    event Recorded(bytes32 indexed key, string chain, string chainId, uint64 blockNumber,
        bytes32 blockHash, bytes32 certificateDigest);

    constructor() {
        recorder = msg.sender;
    }

    function keyOf(string calldata chain, string calldata chainId, uint64 blockNumber)
        public pure returns (bytes32)
    {
        return keccak256(abi.encode(chain, chainId, blockNumber));
    }

    function record(string calldata chain, string calldata chainId, uint64 blockNumber,
        bytes32 blockHash, bytes32 certificateDigest) external
    {
        require(msg.sender == recorder, "only the recorder records");
        require(blockHash != bytes32(0) && certificateDigest != bytes32(0), "empty digest");
        bytes32 key = keyOf(chain, chainId, blockNumber);
        require(entries[key].certificateDigest == bytes32(0), "block already recorded");
        entries[key] = Entry(blockHash, certificateDigest);
        emit Recorded(key, chain, chainId, blockNumber, blockHash, certificateDigest);
    }

    function lookup(string calldata chain, string calldata chainId, uint64 blockNumber)
        external view returns (bytes32 blockHash, bytes32 certificateDigest)
    {
        Entry storage e = entries[keyOf(chain, chainId, blockNumber)];
        return (e.blockHash, e.certificateDigest);
    }
}
