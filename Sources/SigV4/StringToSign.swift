/// "Create a string to sign": algorithm, timestamp, scope and the canonical request's hash.
enum StringToSign {
    static let algorithm = "AWS4-HMAC-SHA256"

    static func make(timestamp: String, scope: CredentialScope, canonicalRequest: String) -> String {
        [algorithm, timestamp, scope.string, LibCrypto.hex(LibCrypto.sha256(canonicalRequest))]
            .joined(separator: "\n")
    }
}
