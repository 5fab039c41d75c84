import Foundation
import SigV4

/// The stages every AWS call of ccs shares once its body is encoded: sign → send → map errors →
/// retry decision (STYLE §3, after Soto's AWSClient), with the debug trace. The Cloud Control
/// client (awsJson1_0) and the CloudFormation DescribeType client (awsQuery) differ only in how
/// they encode requests and decode answers, which they pass in.
struct RequestPipeline {
    let configuration: ClientConfiguration
    let transport: HTTPTransport
    let credentials: @Sendable () throws -> AWSCredentials
    let retryPolicy: RetryPolicy
    /// Shared by every call of one client, as botocore shares one per client.
    let retryQuota: RetryQuota

    /// The pipeline of one client: the retry policy its configuration asks for and a retry
    /// quota of its own.
    init(
        configuration: ClientConfiguration, transport: HTTPTransport,
        credentials: @escaping @Sendable () throws -> AWSCredentials
    ) {
        self.configuration = configuration
        self.transport = transport
        self.credentials = credentials
        self.retryPolicy = RetryPolicy(
            mode: configuration.retryMode, maxAttempts: configuration.maxAttempts, random: configuration.random)
        self.retryQuota = RetryQuota()
    }

    /// A decoded error answer: the error to throw, and its code for the retry decision (nil
    /// when the answer names none, e.g. an HTML 503 from a load balancer).
    typealias Failure = (error: Error, code: String?)

    /// Sends `unsigned`, signed afresh for every attempt (unless `signer` is nil: the few
    /// unsigned calls, AssumeRoleWithWebIdentity and the SSO portal), until a 2xx answer
    /// (decoded by `decodeSuccess`) or the retry policy gives up (the last error is thrown).
    /// `carriesCredentials` keeps both bodies out of the debug trace.
    func run<Output>(
        _ unsigned: HTTPRequest, signer: SigV4Signer?, carriesCredentials: Bool = false,
        decodeSuccess: (HTTPResponse) throws -> Output,
        decodeFailure: (HTTPResponse) -> Failure
    ) throws -> Output {
        var attempt = 1
        var lastQuotaCost = 0
        while true {
            let failure: Error
            let retryFailure: RetryFailure
            var retryAfter: TimeInterval?
            do {
                if let limiter = configuration.rateLimiter {
                    var delay = limiter.delayBeforeSending()
                    while delay > 0 {
                        traceLine("adaptive rate limit: waiting \(String(format: "%.3f", delay)) s (\(String(format: "%.2f", limiter.rate)) requests/s)")
                        configuration.sleep(delay)
                        delay = limiter.delayBeforeSending()
                    }
                }
                let request = try signer.map { try sign(unsigned, with: $0) } ?? unsigned
                let response = try send(request, carriesCredentials: carriesCredentials)
                if (200..<300).contains(response.status) {
                    configuration.rateLimiter?.record(throttled: false)
                    retryPolicy.recordSuccess(lastQuotaCost: lastQuotaCost, quota: retryQuota)
                    // A body that does not decode is not retried: the same request would get
                    // the same answer.
                    return try decodeSuccess(response)
                }
                let decoded = decodeFailure(response)
                configuration.rateLimiter?.record(
                    throttled: decoded.code.map(RetryPolicy.throttlingErrorCodes.contains) ?? false)
                failure = decoded.error
                retryFailure = .service(status: response.status, code: decoded.code)
                if response.status == 429 || response.status == 503 {
                    retryAfter = response.header("Retry-After").flatMap(RetryPolicy.retryAfter)
                }
            } catch let error as TransportError {
                failure = error
                retryFailure = .transport(error.kind)
            }
            switch retryPolicy.decide(after: retryFailure, attempt: attempt, quota: retryQuota) {
            case .giveUp(let reason):
                if attempt > 1 { traceLine("giving up after attempt \(attempt): \(reason)") }
                throw failure
            case .retry(var delay, let cost):
                // A server that says when to come back is believed, up to the backoff's cap, so
                // a huge value cannot stall the client.
                if let retryAfter { delay = max(delay, min(retryAfter, RetryPolicy.maxBackoff)) }
                traceLine(
                    "attempt \(attempt) failed (\(failure)); retrying in \(String(format: "%.3f", delay)) s")
                lastQuotaCost = cost
                configuration.sleep(delay)
                attempt += 1
            }
        }
    }

    /// The region requests are signed for; a region is needed even with a custom endpoint.
    func signingRegion() throws -> String {
        guard let region = configuration.region, !region.isEmpty else {
            throw EndpointError(
                message: "Invalid Configuration: Missing Region (a region is needed to sign requests)")
        }
        return region
    }

    /// `POST` to `endpoint` with `headers` after `Host`.
    static func post(endpoint: String, headers: [(name: String, value: String)], body: [UInt8]) throws
        -> HTTPRequest
    {
        try request("POST", endpoint: endpoint, headers: headers, body: body)
    }

    /// `method` to `endpoint` (which may carry a query) with `headers` after `Host`.
    static func request(
        _ method: String, endpoint: String, headers: [(name: String, value: String)], body: [UInt8]
    ) throws -> HTTPRequest {
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
        return HTTPRequest(method: method, url: url, headers: [(name: "Host", value: authority)] + headers, body: body)
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
            "canonical request:\n\(Self.redactingToken(signed.canonicalRequest))\nstring to sign:\n\(signed.stringToSign)"
        )
        var result = request
        result.headers = signed.headers
        return result
    }

    func send(_ request: HTTPRequest, carriesCredentials: Bool = false) throws -> HTTPResponse {
        let started = Date()
        func trace(_ response: HTTPResponse?, _ error: TransportError?) {
            guard configuration.trace != nil else { return }
            let exchange = HTTPExchange(
                request: request, response: response, error: error, duration: Date().timeIntervalSince(started))
            traceLine((carriesCredentials ? exchange.withoutBodies() : exchange).render())
        }
        do {
            let response = try transport.send(request, timeout: configuration.attemptTimeout)
            trace(response, nil)
            return response
        } catch let error as TransportError {
            trace(nil, error)
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
