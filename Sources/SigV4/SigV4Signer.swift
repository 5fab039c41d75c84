import Foundation

/// Signs requests with AWS Signature Version 4 in the `Authorization` header
/// (AWS General Reference, "Signature Version 4 signing process").
public struct SigV4Signer: Sendable {
    /// The signing name of the service, e.g. `cloudcontrolapi`.
    public let service: String
    /// The region of the credential scope, e.g. `eu-west-3`.
    public let region: String
    public let options: SigV4Options
    private let keyCache = SigningKeyCache()

    public init(service: String, region: String, options: SigV4Options = SigV4Options()) {
        self.service = service
        self.region = region
        self.options = options
    }

    /// Signs `request` at `date`. The returned `headers` replace the request's headers.
    public func sign(_ request: SigV4Request, credentials: AWSCredentials, date: Date) -> SignedRequest {
        let amzDate = AmzDate(date)
        let payloadHash = CanonicalRequest.payloadHash(request.payload)
        let token = credentials.sessionToken

        // The signer owns these headers: earlier values (a retry, a caller's copy) are replaced.
        var replaced: Set<String> = ["authorization", "x-amz-date"]
        if token != nil { replaced.insert("x-amz-security-token") }
        if options.addContentSHA256Header { replaced.insert("x-amz-content-sha256") }
        var headers = request.headers.filter { !replaced.contains($0.name.lowercased()) }

        var added: [(name: String, value: String)] = [("X-Amz-Date", amzDate.timestamp)]
        if let token, !options.omitSessionToken { added.append(("X-Amz-Security-Token", token)) }
        if options.addContentSHA256Header { added.append(("X-Amz-Content-SHA256", payloadHash)) }
        headers.append(contentsOf: added)

        let unsigned = options.unsignedHeaders
        let canonicalHeaders = CanonicalHeaders(headers: headers, isSigned: { !unsigned.contains($0) })
        let canonicalRequest = CanonicalRequest.make(
            request, headers: canonicalHeaders, payloadHash: payloadHash, options: options)
        let scope = CredentialScope(dateStamp: amzDate.dateStamp, region: region, service: service)
        let stringToSign = StringToSign.make(
            timestamp: amzDate.timestamp, scope: scope, canonicalRequest: canonicalRequest)
        let signature = signature(of: stringToSign, secret: credentials.secretAccessKey, scope: scope)
        let authorization = AuthorizationHeader(
            accessKeyId: credentials.accessKeyId, scope: scope,
            signedHeaders: canonicalHeaders.signedHeaders, signature: signature
        ).value

        // A token the service wants outside the signature is added only now (post-sts-header-after).
        if let token, options.omitSessionToken {
            added.append(("X-Amz-Security-Token", token))
            headers.append(("X-Amz-Security-Token", token))
        }
        added.append(("Authorization", authorization))
        headers.append(("Authorization", authorization))
        return SignedRequest(
            canonicalRequest: canonicalRequest, stringToSign: stringToSign, signature: signature,
            signedHeaders: canonicalHeaders.signedHeaders, authorization: authorization,
            addedHeaders: added, headers: headers)
    }

    /// "Calculate the signature": hex HMAC of the string to sign under the derived key.
    func signature(of stringToSign: String, secret: String, scope: CredentialScope) -> String {
        let signingKey = keyCache.signingKey(secret: secret, scope: scope)
        return LibCrypto.hex(LibCrypto.hmacSHA256(key: signingKey, data: stringToSign))
    }
}
