import Foundation
import SigV4

extension CloudControlClient {
    /// Runs one call through the pipeline's stages, in order.
    func invoke<Input: CloudControlInput>(_ input: Input, fillClientToken: (inout Input) -> Void = { _ in })
        throws -> Input.Output
    {
        // 1. validate (service-2.json constraints), before anything is sent.
        try input.validate()
        // 2. fill the ClientToken once, outside the retry loop, so every attempt carries it.
        var input = input
        fillClientToken(&input)
        // 3. encode as awsJson1_0.
        let body = try CloudControlWire.encodeInput(input)
        // 4. resolve the endpoint.
        let endpoint = try endpointResolver.resolve(
            .init(
                region: configuration.region, useFIPS: configuration.useFIPS,
                useDualStack: configuration.useDualStack, endpoint: configuration.endpointURL))
        guard let region = configuration.region, !region.isEmpty else {
            throw EndpointError(
                message: "Invalid Configuration: Missing Region (a region is needed to sign requests)")
        }
        let signer = SigV4Signer(service: CloudControlClient.signingName, region: region)
        let unsigned = try unsignedRequest(operation: Input.operation, endpoint: endpoint, body: body)

        var attempt = 1
        var lastQuotaCost = 0
        while true {
            let failure: Error
            let retryFailure: RetryFailure
            do {
                // 5. sign, afresh for every attempt.
                let request = try sign(unsigned, with: signer)
                // 6. send.
                let response = try send(request)
                if (200..<300).contains(response.status) {
                    retryPolicy.recordSuccess(lastQuotaCost: lastQuotaCost, quota: retryQuota)
                    // A body that does not decode is not retried: the same request would get
                    // the same answer.
                    return try CloudControlWire.decodeOutput(
                        Input.Output.self, status: response.status, body: response.body)
                }
                // 7. map errors: the typed error by `__type`; an error response that names no
                // type (an HTML 503 from a load balancer) still counts by its status.
                do {
                    let error = try CloudControlWire.decodeError(
                        status: response.status, headers: response.headers, body: response.body)
                    failure = error
                    retryFailure = .service(status: response.status, code: error.code.wireName)
                } catch let error as ResponseDecodingError {
                    failure = error
                    retryFailure = .service(status: response.status, code: nil)
                }
            } catch let error as TransportError {
                failure = error
                retryFailure = .transport(error.kind)
            }
            // 8. retry decision.
            switch retryPolicy.decide(after: retryFailure, attempt: attempt, quota: retryQuota) {
            case .giveUp(let reason):
                if attempt > 1 { traceLine("giving up after attempt \(attempt): \(reason)") }
                throw failure
            case .retry(let delay, let cost):
                traceLine(
                    "attempt \(attempt) failed (\(failure)); retrying in \(String(format: "%.3f", delay)) s")
                lastQuotaCost = cost
                configuration.sleep(delay)
                attempt += 1
            }
        }
    }

    /// `POST /` with the awsJson1_0 headers (Smithy awsJson1_0 protocol: `X-Amz-Target:
    /// <targetPrefix>.<Operation>`, `Content-Type: application/x-amz-json-1.0`).
    func unsignedRequest(operation: APIOperation, endpoint: String, body: [UInt8]) throws -> HTTPRequest {
        guard let components = URLComponents(string: endpoint), let host = components.host,
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https"
        else {
            throw EndpointError(message: "the endpoint URL \(endpoint) is not an absolute http(s) URL")
        }
        var authority = host.contains(":") ? "[\(host)]" : host
        if let port = components.port, !(scheme == "http" && port == 80), !(scheme == "https" && port == 443)
        {
            authority += ":\(port)"
        }
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        var url = "\(scheme)://\(authority)\(path)"
        if let query = components.percentEncodedQuery { url += "?\(query)" }
        return HTTPRequest(
            method: "POST", url: url,
            headers: [
                (name: "Host", value: authority),
                (name: "Content-Type", value: CloudControlWire.contentType),
                (name: CloudControlWire.targetHeader, value: CloudControlWire.target(for: operation)),
            ],
            body: body)
    }

    /// Adds the SigV4 headers (`X-Amz-Date`, `X-Amz-Security-Token`, `Authorization`).
    func sign(_ request: HTTPRequest, with signer: SigV4Signer) throws -> HTTPRequest {
        let credentials = try self.credentials()
        let components = URLComponents(string: request.url)
        let path = components?.percentEncodedPath ?? "/"
        let signed = signer.sign(
            SigV4Request(
                method: request.method, path: path.isEmpty ? "/" : path,
                query: components?.percentEncodedQuery ?? "",
                headers: request.headers, body: request.body),
            credentials: credentials, date: configuration.now())
        traceLine(
            "canonical request:\n\(CloudControlClient.redactingToken(signed.canonicalRequest))\nstring to sign:\n\(signed.stringToSign)"
        )
        var result = request
        result.headers = signed.headers
        return result
    }

    func send(_ request: HTTPRequest) throws -> HTTPResponse {
        let started = Date()
        do {
            let response = try transport.send(request, timeout: configuration.attemptTimeout)
            if configuration.trace != nil {
                traceLine(
                    HTTPExchange(
                        request: request, response: response, error: nil,
                        duration: Date().timeIntervalSince(started)
                    ).render())
            }
            return response
        } catch let error as TransportError {
            if configuration.trace != nil {
                traceLine(
                    HTTPExchange(
                        request: request, response: nil, error: error,
                        duration: Date().timeIntervalSince(started)
                    ).render())
            }
            throw error
        }
    }

    /// The canonical request lists signed header values, the session token among them.
    static func redactingToken(_ canonicalRequest: String) -> String {
        canonicalRequest.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("x-amz-security-token:") ? "x-amz-security-token:<redacted>" : String(line)
        }.joined(separator: "\n")
    }

    func traceLine(_ text: @autoclosure () -> String) {
        configuration.trace?(text())
    }
}
