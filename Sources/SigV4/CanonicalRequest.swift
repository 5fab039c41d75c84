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

    /// The canonical request of `request` as the signer, the presigner and the verifier all
    /// build it: the path canonicalised as `options` say, the query (`query` when a presigned
    /// URL adds its own parameters), the given header selection and payload hash.
    static func make(
        _ request: SigV4Request, query: String? = nil, headers: CanonicalHeaders, payloadHash: String,
        options: SigV4Options
    ) -> String {
        make(
            method: request.method,
            canonicalURI: CanonicalURI.make(
                path: request.path, normalize: options.normalizePath, escape: options.uriEscapePath),
            canonicalQuery: CanonicalQuery.make(query: query ?? request.query),
            headers: headers, payloadHash: payloadHash)
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
