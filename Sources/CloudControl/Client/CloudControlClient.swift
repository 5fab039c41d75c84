import Foundation
import SigV4

/// The Cloud Control API over HTTPS: the `CloudControlService` conformer that talks to AWS (or
/// to any endpoint speaking the same awsJson1_0 protocol, such as `ccs serve`).
///
/// Every call runs the same stages in one fixed order (STYLE §3, after Soto's AWSClient):
/// validate → fill ClientToken → encode → resolve endpoint → sign → send → map errors → retry
/// decision. Retries re-sign the request (fresh date) and reuse the ClientToken, so the service
/// recognises them as the same request.
///
/// Thread-safe: calls may run concurrently; the transport serialises on its connection.
public final class CloudControlClient: CloudControlService, @unchecked Sendable {
    /// The signing name of the service (service-2.json `metadata.signingName`).
    public static let signingName = "cloudcontrolapi"

    public let configuration: ClientConfiguration
    let transport: HTTPTransport
    let credentials: @Sendable () throws -> AWSCredentials
    /// Sign → send → map errors → retry, shared with `CloudFormationClient`.
    let pipeline: RequestPipeline
    let endpointResolver = EndpointResolver()

    /// - Parameters:
    ///   - configuration: region, endpoint, retry and tracing settings.
    ///   - credentials: returns current credentials; called before every attempt, so a
    ///     refreshing provider hands out fresh ones.
    ///   - transport: sends the signed requests; the client closes it in `close()`.
    public init(
        configuration: ClientConfiguration, credentials: @escaping @Sendable () throws -> AWSCredentials,
        transport: HTTPTransport
    ) {
        self.configuration = configuration
        self.credentials = credentials
        self.transport = transport
        self.pipeline = RequestPipeline(configuration: configuration, transport: transport, credentials: credentials)
    }

    public func createResource(_ input: CreateResourceInput) throws -> CreateResourceOutput {
        try invoke(input, fillClientToken: { $0.clientToken = $0.clientToken ?? UUID().uuidString })
    }

    public func getResource(_ input: GetResourceInput) throws -> GetResourceOutput {
        try invoke(input)
    }

    public func updateResource(_ input: UpdateResourceInput) throws -> UpdateResourceOutput {
        try invoke(input, fillClientToken: { $0.clientToken = $0.clientToken ?? UUID().uuidString })
    }

    public func deleteResource(_ input: DeleteResourceInput) throws -> DeleteResourceOutput {
        try invoke(input, fillClientToken: { $0.clientToken = $0.clientToken ?? UUID().uuidString })
    }

    public func listResources(_ input: ListResourcesInput) throws -> ListResourcesOutput {
        try invoke(input)
    }

    public func getResourceRequestStatus(_ input: GetResourceRequestStatusInput) throws
        -> GetResourceRequestStatusOutput
    {
        try invoke(input)
    }

    public func listResourceRequests(_ input: ListResourceRequestsInput) throws -> ListResourceRequestsOutput
    {
        try invoke(input)
    }

    public func cancelResourceRequest(_ input: CancelResourceRequestInput) throws
        -> CancelResourceRequestOutput
    {
        try invoke(input)
    }

    /// Releases the connection. A later call opens a new one.
    public func close() {
        transport.close()
    }
}
