import CloudControl
import CloudControlLocal
import Foundation
import ResourceSchemas
import SigV4

/// The awsJson1_0 front end of Cloud Control: verifies the SigV4 signature of every request,
/// routes `X-Amz-Target: CloudApiService.<Operation>` to the service, and answers with the
/// output or an error body `{"__type": ..., "Message": ...}`, `x-amzn-RequestId` on every
/// response (Smithy, "AWS JSON 1.0 protocol").
///
/// Stages, in order: signature → method and path → target → injected faults → Content-Type →
/// body → service call. The signature comes first so that nothing about the service is
/// revealed to an unauthenticated client.
public struct CloudControlAPIHandler: ServerRequestHandler {
    /// The signing name of the service (service-2.json `signingName`).
    public static let signingName = "cloudcontrolapi"
    /// Content types accepted on requests: the protocol's own, and plain JSON, which some
    /// clients send.
    static let acceptedContentTypes: Set<String> = [CloudControlWire.contentType, "application/json"]

    let service: any CloudControlService & Sendable
    /// Who may sign, and the account of each key (STS adds temporary keys).
    let identities: ServerIdentities
    /// Resources live per (account, region) when the service is the emulator's engine.
    private let engine: LocalCloudControl?
    private let rateLimiter: PartitionRateLimiter?
    /// The schemas CloudFormation's DescribeType answers from (awsQuery requests on the same
    /// port, see `CloudControlAPIHandler+DescribeType.swift`).
    let schemas: SchemaRegistry?
    private let verifier: SigV4Verifier
    /// Verifies DescribeType requests, signed for the `cloudformation` service.
    let cloudFormationVerifier: SigV4Verifier
    /// Verifies STS requests (AssumeRole, GetCallerIdentity), signed for `sts`.
    let stsVerifier: SigV4Verifier
    private let faults: HTTPFaultInjector
    let now: @Sendable () -> Date
    let log: (@Sendable (String) -> Void)?

    /// - Parameters:
    ///   - service: what the requests run against, normally a `LocalCloudControl`.
    ///   - credentials: access key id → secret access key pairs that may sign requests.
    ///   - accounts: access key id → the account its requests act in; keys not named belong
    ///     to the engine's configured account (123456789012 by default).
    ///   - rateLimit: requests a second allowed per (account, region); more are answered
    ///     ThrottlingException. nil for no limit.
    ///   - faults: the plan whose `throttle`, `5xx` and `drop` rates apply here.
    ///   - maxClockSkew: how far `X-Amz-Date` may be from the server's clock (AWS: 15 minutes).
    ///   - now: the server's clock, injectable for tests.
    ///   - schemas: the schemas DescribeType answers from; nil takes the registry of `service`
    ///     when it is a `LocalCloudControl`, else DescribeType finds no type.
    ///   - log: receives one line per request (`ccs serve --verbose`), e.g.
    ///     `CreateResource 200 1.2 ms 5f0c…` or `ListResources 403 InvalidSignatureException …`.
    public init(
        service: any CloudControlService & Sendable,
        credentials: [String: String] = ["test": "test"],
        accounts: [String: String] = [:],
        faults: FaultPlan = .none,
        rateLimit: Double? = nil,
        maxClockSkew: TimeInterval = 15 * 60,
        now: @escaping @Sendable () -> Date = { Date() },
        schemas: SchemaRegistry? = nil,
        log: (@Sendable (String) -> Void)? = nil
    ) {
        self.service = service
        let engine = service as? LocalCloudControl
        self.engine = engine
        self.schemas = schemas ?? engine?.registry
        let identities = ServerIdentities(
            secrets: credentials, accounts: accounts,
            defaultAccount: engine?.configuration.account ?? LocalConfiguration().account)
        self.identities = identities
        self.rateLimiter = rateLimit.map { PartitionRateLimiter(rate: $0) }
        self.cloudFormationVerifier = SigV4Verifier(
            service: CloudFormationClient.signingName, region: nil, maxClockSkew: maxClockSkew,
            secretForAccessKey: { identities.secret(for: $0) })
        self.stsVerifier = SigV4Verifier(
            service: STSWire.signingName, region: nil, maxClockSkew: maxClockSkew,
            secretForAccessKey: { identities.secret(for: $0) })
        // Any region is accepted: one emulator stands in for every region, and the scope's
        // region picks the partition the request acts in.
        self.verifier = SigV4Verifier(
            service: Self.signingName, region: nil, maxClockSkew: maxClockSkew,
            secretForAccessKey: { identities.secret(for: $0) })
        self.faults = HTTPFaultInjector(plan: faults)
        self.now = now
        self.log = log
    }

    public func handle(_ request: ServerRequest) -> ServerReply {
        if isQueryRequest(request) { return .respond(handleQuery(request)) }
        let requestId = UUID().uuidString.lowercased()
        let started = log == nil ? 0 : DispatchTime.now().uptimeNanoseconds
        var drop = false
        let reply: HTTPResponse
        var failure: CloudControlError?
        do {
            reply = response(status: 200, body: try process(request, drop: &drop), requestId: requestId)
        } catch {
            failure = error
            reply = errorResponse(error, requestId: requestId)
        }
        if let log {
            let millis = Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000
            let target = request.header(CloudControlWire.targetHeader) ?? "(no target)"
            let operation = CloudControlWire.operation(forTarget: target)?.rawValue ?? target
            var line = "\(operation) \(drop ? "dropped" : String(reply.status))"
            if let failure { line += " \(failure.code.wireName)" }
            log(line + " " + String(format: "%.1f ms", millis) + " " + requestId)
        }
        return drop ? .dropConnection : .respond(reply)
    }

    /// The output body. Sets `drop` when the `drop` fault hit: the request still runs, and
    /// its answer, output or error, is lost.
    private func process(_ request: ServerRequest, drop: inout Bool) throws(CloudControlError) -> [UInt8] {
        let partition = try authenticate(request)
        guard request.path == "/" else {
            throw ServerErrors.unknownOperation(
                "Cloud Control is served at path '/', not '\(request.path)'.", status: 404)
        }
        guard request.method == "POST" else {
            throw ServerErrors.unknownOperation(
                "Cloud Control answers POST requests only, not \(request.method).", status: 405)
        }
        let operation = try self.operation(of: request)
        if let rateLimiter, !rateLimiter.admit(partition) {
            throw ServerErrors.rateExceeded(rateLimiter.rate, partition)
        }
        let decision = faults.decide()
        switch decision {
        case .throttle: throw ServerErrors.throttled()
        case .serverError: throw ServerErrors.injectedServerError()
        case .none, .drop: break
        }
        drop = decision == .drop
        try checkContentType(request)
        let target: any CloudControlService
        if let engine { target = engine.partition(partition) } else { target = service }
        return try dispatch(operation, on: target, body: request.body)
    }

    /// SigV4 over the request as received (AWS General Reference, "Signature Version 4"), then
    /// the partition it acts in: the signing key's account and the credential scope's region.
    private func authenticate(_ request: ServerRequest) throws(CloudControlError) -> AccountRegion {
        let signed = SigV4Request(
            method: request.method, path: request.path, query: request.query, headers: request.headers,
            body: request.body)
        let verified: VerifiedIdentity
        do {
            verified = try verifier.verify(signed, now: now())
        } catch {
            throw CloudControlError(code: .unknown(error.code), message: error.message, httpStatus: error.httpStatus)
        }
        do {
            let principal = try identities.principal(
                accessKeyId: verified.accessKeyId, sessionToken: verified.sessionToken, now: now())
            return AccountRegion(account: principal.account, region: verified.region)
        } catch {
            throw CloudControlError(code: .unknown(error.code), message: error.message, httpStatus: 403)
        }
    }

    private func operation(of request: ServerRequest) throws(CloudControlError) -> APIOperation {
        guard let target = request.header(CloudControlWire.targetHeader) else {
            throw ServerErrors.unknownOperation(
                "The request has no \(CloudControlWire.targetHeader) header naming the operation "
                    + "(e.g. \(CloudControlWire.target(for: .getResource))).")
        }
        guard let operation = CloudControlWire.operation(forTarget: target) else {
            let known = APIOperation.allCases.map(\.rawValue).joined(separator: ", ")
            throw ServerErrors.unknownOperation(
                "\(CloudControlWire.targetHeader) '\(target)' names no operation of the service; expected "
                    + "\(CloudControlWire.targetPrefix).<Operation> with one of: \(known).")
        }
        return operation
    }

    private func checkContentType(_ request: ServerRequest) throws(CloudControlError) {
        guard let value = request.header("Content-Type") else {
            throw ServerErrors.unsupportedMediaType(
                "The request has no Content-Type; expected \(CloudControlWire.contentType).")
        }
        // Parameters such as `; charset=utf-8` do not change the media type (RFC 9110 §8.3.1).
        let mediaType = value.split(separator: ";", maxSplits: 1).first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        } ?? ""
        guard Self.acceptedContentTypes.contains(mediaType) else {
            throw ServerErrors.unsupportedMediaType(
                "Content-Type '\(value)' is not supported; expected \(CloudControlWire.contentType).")
        }
    }

    public func response(to failure: HTTPProtocolFailure) -> HTTPResponse {
        let error: CloudControlError
        switch failure {
        case .bodyTooLarge(let limit): error = ServerErrors.bodyTooLarge(limit: limit)
        case .headersTooLarge: error = ServerErrors.headersTooLarge()
        case .malformed(let detail): error = ServerErrors.malformedHTTP(detail)
        }
        return errorResponse(error, requestId: UUID().uuidString.lowercased())
    }

    private func errorResponse(_ error: any Error, requestId: String) -> HTTPResponse {
        let modeled = error as? CloudControlError ?? ServerErrors.internalError(error)
        var response = response(status: modeled.httpStatus, body: CloudControlWire.encodeError(modeled), requestId: requestId)
        response.headers.append((CloudControlWire.errorTypeHeader, modeled.code.wireName))
        return response
    }

    private func response(status: Int, body: [UInt8], requestId: String) -> HTTPResponse {
        HTTPResponse(
            status: status,
            headers: [
                (CloudControlWire.requestIdHeader, requestId),
                ("Content-Type", CloudControlWire.contentType),
                ("Date", HTTPDate.format(epochSeconds: Int(now().timeIntervalSince1970))),
            ],
            body: body)
    }
}
