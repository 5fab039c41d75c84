/// "Add the signature to the request": the `Authorization` header,
/// `AWS4-HMAC-SHA256 Credential=AKID/scope, SignedHeaders=a;b, Signature=hex`.
struct AuthorizationHeader: Equatable {
    let accessKeyId: String
    let scope: CredentialScope
    let signedHeaders: String
    let signature: String

    var value: String {
        "\(StringToSign.algorithm) Credential=\(accessKeyId)/\(scope.string), "
            + "SignedHeaders=\(signedHeaders), Signature=\(signature)"
    }

    init(accessKeyId: String, scope: CredentialScope, signedHeaders: String, signature: String) {
        self.accessKeyId = accessKeyId
        self.scope = scope
        self.signedHeaders = signedHeaders
        self.signature = signature
    }

    /// Parses a received header; the errors word what is missing as AWS does.
    init(parsing header: String) throws(SigV4VerificationError) {
        let text = header.trimmingSpaces()
        let prefix = StringToSign.algorithm + " "
        guard text.hasPrefix(prefix) else {
            let algorithm = text.split(separator: " ").first.map(String.init) ?? ""
            throw SigV4VerificationError(
                .incompleteSignature,
                "Unsupported signing algorithm '\(algorithm)' in the Authorization header; expected "
                    + "'\(StringToSign.algorithm)'.")
        }
        var fields: [String: String] = [:]
        for part in text.dropFirst(prefix.count).split(separator: ",") {
            let trimmed = String(part).trimmingSpaces()
            guard let equals = trimmed.firstIndex(of: "=") else { continue }
            fields[String(trimmed[..<equals])] = String(trimmed[trimmed.index(after: equals)...])
        }
        let missing = ["Credential", "SignedHeaders", "Signature"].filter { (fields[$0] ?? "").isEmpty }
        guard missing.isEmpty, let credential = fields["Credential"],
            let signedHeaders = fields["SignedHeaders"],
            let signature = fields["Signature"]
        else {
            let requirements = missing.map { "Authorization header requires '\($0)' parameter." }
            throw SigV4VerificationError(
                .incompleteSignature, requirements.joined(separator: " ") + " Authorization=\(text)")
        }
        let parts = credential.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 5, parts.allSatisfy({ !$0.isEmpty }) else {
            throw SigV4VerificationError(
                .incompleteSignature,
                "Credential '\(credential)' is malformed; expected "
                    + "'<access key>/<YYYYMMDD>/<region>/<service>/aws4_request'.")
        }
        guard parts[4] == CredentialScope.terminator else {
            throw SigV4VerificationError(
                .credentialScopeMismatch,
                "Credential should be scoped with a valid terminator: 'aws4_request', not '\(parts[4])'.")
        }
        accessKeyId = parts[0]
        scope = CredentialScope(dateStamp: parts[1], region: parts[2], service: parts[3])
        self.signedHeaders = signedHeaders
        self.signature = signature
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) })
        else {
            return ""
        }
        return String(self[first...last])
    }
}
