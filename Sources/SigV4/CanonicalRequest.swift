/// "Create a canonical request": the six lines joined with `\n`; the header block ends with
/// its own newline, which leaves the blank line the specification shows.
enum CanonicalRequest {
    static func make(
        method: String, canonicalURI: String, canonicalQuery: String, headers: CanonicalHeaders,
        payloadHash: String
    ) -> String {
        [method, canonicalURI, canonicalQuery, headers.block, headers.signedHeaders, payloadHash]
            .joined(separator: "\n")
    }

    /// "Hashed payload": hex SHA-256 of the body, a given hash, or `UNSIGNED-PAYLOAD`.
    static func payloadHash(_ payload: SigV4Payload) -> String {
        switch payload {
        case .bytes(let bytes): return LibCrypto.hex(LibCrypto.sha256(bytes))
        case .precomputedHash(let hash): return hash.lowercased()
        case .unsigned: return "UNSIGNED-PAYLOAD"
        }
    }
}
