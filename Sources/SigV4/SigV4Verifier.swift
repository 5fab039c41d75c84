import Foundation

/// Checks the SigV4 `Authorization` header of a received request, as an AWS service does:
/// recomputes the canonical request from the headers the client says it signed, derives the
/// key from the secret of the access key, and compares signatures in constant time.
public struct SigV4Verifier: Sendable {
    /// The signing name the credential scope must name, e.g. `cloudcontrolapi`.
    public let service: String
    /// The region the scope must name; `nil` accepts any region (reported in the identity).
    public let region: String?
    /// How far `X-Amz-Date` may be from `now`, either way. AWS allows 15 minutes.
    public let maxClockSkew: TimeInterval
    public let options: SigV4Options
    private let secretForAccessKey: @Sendable (String) -> String?
    private let keyCache = SigningKeyCache()

    public init(
        service: String, region: String? = nil, maxClockSkew: TimeInterval = 15 * 60,
        options: SigV4Options = SigV4Options(), secretForAccessKey: @escaping @Sendable (String) -> String?
    ) {
        self.service = service
        self.region = region
        self.maxClockSkew = maxClockSkew
        self.options = options
        self.secretForAccessKey = secretForAccessKey
    }

    /// Accepts `request` (path as received, percent-encoded) or says why not.
    public func verify(_ request: SigV4Request, now: Date) throws(SigV4VerificationError) -> VerifiedIdentity
    {
        let authorizations = request.headerValues("Authorization")
        guard let header = authorizations.first else {
            throw SigV4VerificationError(
                .missingAuthenticationToken, "Request is missing Authentication Token")
        }
        guard authorizations.count == 1 else {
            throw SigV4VerificationError(
                .incompleteSignature, "The request carries more than one Authorization header.")
        }
        let authorization = try AuthorizationHeader(parsing: header)
        let signedNames = authorization.signedHeaders.split(separator: ";").map { String($0) }
        guard signedNames.contains("host") else {
            throw SigV4VerificationError(
                .incompleteSignature, "'Host' must be a 'SignedHeader' in the AWS Authorization.")
        }
        guard signedNames.allSatisfy({ $0 == $0.lowercased() }) else {
            throw SigV4VerificationError(
                .incompleteSignature,
                "SignedHeaders '\(authorization.signedHeaders)' must list lowercase header names.")
        }
        guard let dateText = request.headerValues("X-Amz-Date").first else {
            throw SigV4VerificationError(
                .incompleteSignature, "Authorization header requires existence of a 'X-Amz-Date' header.")
        }
        guard let amzDate = AmzDate(parsing: dateText.trimmingSpaces()) else {
            throw SigV4VerificationError(
                .incompleteSignature,
                "X-Amz-Date '\(dateText)' is not an ISO 8601 basic timestamp like 20150830T123600Z.")
        }
        try checkScope(authorization.scope, against: amzDate)
        guard let secret = secretForAccessKey(authorization.accessKeyId) else {
            throw SigV4VerificationError(
                .unrecognizedClient,
                "The security token included in the request is invalid. "
                    + "(Unknown access key '\(authorization.accessKeyId)'.)")
        }
        try checkClock(amzDate, now: now)

        let payloadHash = try self.payloadHash(request)
        let signedSet = Set(signedNames)
        let canonicalHeaders = CanonicalHeaders(
            headers: request.headers, isSigned: { signedSet.contains($0) })
        let canonicalRequest = CanonicalRequest.make(
            request, headers: canonicalHeaders, payloadHash: payloadHash, options: options)
        let stringToSign = StringToSign.make(
            timestamp: amzDate.timestamp, scope: authorization.scope, canonicalRequest: canonicalRequest)
        let key = keyCache.signingKey(secret: secret, scope: authorization.scope)
        let expected = LibCrypto.hex(LibCrypto.hmacSHA256(key: key, data: stringToSign))
        guard canonicalHeaders.signedHeaders == authorization.signedHeaders,
            LibCrypto.constantTimeEquals(expected, authorization.signature.lowercased())
        else {
            throw SigV4VerificationError(
                .invalidSignature,
                "The request signature we calculated does not match the signature you provided. "
                    + "Check your AWS Secret Access Key and signing method. Consult the service "
                    + "documentation for details.\n\nThe Canonical String for this request should have been\n'"
                    + Self.redactingSessionToken(canonicalRequest)
                    + "'\n\nThe String-to-Sign should have been\n'" + stringToSign + "'\n",
                canonicalRequest: canonicalRequest, stringToSign: stringToSign)
        }
        return VerifiedIdentity(
            accessKeyId: authorization.accessKeyId, region: authorization.scope.region,
            service: authorization.scope.service, date: amzDate.date,
            sessionToken: request.headerValues("X-Amz-Security-Token").first, signedHeaders: signedNames)
    }

    /// The canonical request as the error message quotes it: the session token's value
    /// (a credential, signed as the `x-amz-security-token` header, SigV4 "Add the session
    /// token") is replaced by `<redacted>`, so that a rejected request's error, which clients
    /// print and log, never carries a credential. The error's `canonicalRequest` keeps it.
    static func redactingSessionToken(_ canonicalRequest: String) -> String {
        let prefix = "x-amz-security-token:"
        return canonicalRequest.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(prefix) ? prefix + "<redacted>" : String($0) }
            .joined(separator: "\n")
    }

    private func checkScope(_ scope: CredentialScope, against amzDate: AmzDate) throws(SigV4VerificationError)
    {
        guard scope.dateStamp == amzDate.dateStamp else {
            throw SigV4VerificationError(
                .credentialScopeMismatch,
                "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: "
                    + "'\(scope.dateStamp)' != '\(amzDate.dateStamp)', from '\(amzDate.timestamp)'.")
        }
        guard scope.service == service else {
            throw SigV4VerificationError(
                .credentialScopeMismatch,
                "Credential should be scoped to correct service: '\(service)', not '\(scope.service)'.")
        }
        if let region, scope.region != region {
            throw SigV4VerificationError(
                .credentialScopeMismatch,
                "Credential should be scoped to a valid region: '\(region)', not '\(scope.region)'.")
        }
    }

    /// AWS's wording: "Signature expired: T is now earlier than T' (now - 15 min.)".
    private func checkClock(_ amzDate: AmzDate, now: Date) throws(SigV4VerificationError) {
        let minutes = Int((maxClockSkew / 60).rounded())
        let earliest = now.addingTimeInterval(-maxClockSkew)
        let latest = now.addingTimeInterval(maxClockSkew)
        if amzDate.date < AmzDate(earliest).date {
            throw SigV4VerificationError(
                .signatureExpired,
                "Signature expired: \(amzDate.timestamp) is now earlier than \(AmzDate(earliest).timestamp) "
                    + "(\(AmzDate(now).timestamp) - \(minutes) min.) — the request timestamp is more than "
                    + "\(minutes) minutes off the server's clock.")
        }
        if amzDate.date > AmzDate(latest).date {
            throw SigV4VerificationError(
                .signatureExpired,
                "Signature not yet current: \(amzDate.timestamp) is still later than "
                    + "\(AmzDate(latest).timestamp) (\(AmzDate(now).timestamp) + \(minutes) min.) — the request "
                    + "timestamp is more than \(minutes) minutes off the server's clock.")
        }
    }

    /// The hashed payload: the client's `X-Amz-Content-SHA256` when sent (it is what the
    /// client signed), after checking that it is the body's real hash.
    private func payloadHash(_ request: SigV4Request) throws(SigV4VerificationError) -> String {
        let computed = CanonicalRequest.payloadHash(request.payload)
        guard let declared = request.headerValues("X-Amz-Content-SHA256").first?.trimmingSpaces() else {
            return computed
        }
        if declared == "UNSIGNED-PAYLOAD" { return declared }
        guard declared.lowercased() == computed else {
            throw SigV4VerificationError(
                .invalidSignature,
                "The provided 'x-amz-content-sha256' header does not match what was computed: "
                    + "'\(declared)' != '\(computed)'.")
        }
        return declared
    }
}
