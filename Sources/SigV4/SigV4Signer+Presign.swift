import Foundation

extension SigV4Signer {
    /// Signs `request` in its query string, valid for `expires` seconds after `date`: adds
    /// `X-Amz-Algorithm`, `X-Amz-Credential`, `X-Amz-Date`, `X-Amz-Expires`,
    /// `X-Amz-SignedHeaders` (and `X-Amz-Security-Token`, signed unless `omitSessionToken`),
    /// then `X-Amz-Signature`. Pass `.unsigned` as the payload where the service (S3) wants it.
    public func presign(
        _ request: SigV4Request, credentials: AWSCredentials, date: Date, expires: TimeInterval
    ) -> PresignedRequest {
        let amzDate = AmzDate(date)
        let scope = CredentialScope(dateStamp: amzDate.dateStamp, region: region, service: service)
        let unsigned = options.unsignedHeaders
        let headers = request.headers.filter { $0.name.lowercased() != "authorization" }
        let canonicalHeaders = CanonicalHeaders(headers: headers, isSigned: { !unsigned.contains($0) })

        var parameters: [(String, String)] = [
            ("X-Amz-Algorithm", StringToSign.algorithm),
            ("X-Amz-Credential", "\(credentials.accessKeyId)/\(scope.string)"),
            ("X-Amz-Date", amzDate.timestamp),
            ("X-Amz-Expires", String(Int(expires))),
            ("X-Amz-SignedHeaders", canonicalHeaders.signedHeaders),
        ]
        if let token = credentials.sessionToken, !options.omitSessionToken {
            parameters.append(("X-Amz-Security-Token", token))
        }
        var query = Self.appending(parameters, to: request.query)

        let canonicalRequest = CanonicalRequest.make(
            request, query: query, headers: canonicalHeaders,
            payloadHash: CanonicalRequest.payloadHash(request.payload), options: options)
        let stringToSign = StringToSign.make(
            timestamp: amzDate.timestamp, scope: scope, canonicalRequest: canonicalRequest)
        let signature = signature(of: stringToSign, secret: credentials.secretAccessKey, scope: scope)

        if let token = credentials.sessionToken, options.omitSessionToken {
            query = Self.appending([("X-Amz-Security-Token", token)], to: query)
        }
        query = Self.appending([("X-Amz-Signature", signature)], to: query)
        return PresignedRequest(
            canonicalRequest: canonicalRequest, stringToSign: stringToSign, signature: signature,
            query: query,
            headers: headers)
    }

    private static func appending(_ parameters: [(String, String)], to query: String) -> String {
        let encoded = parameters.map {
            URIEncoding.encode($0.0.utf8, keepSlash: false) + "="
                + URIEncoding.encode($0.1.utf8, keepSlash: false)
        }
        return ([query].filter { !$0.isEmpty } + encoded).joined(separator: "&")
    }
}
