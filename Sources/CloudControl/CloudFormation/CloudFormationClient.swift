import Foundation
import SigV4

/// The one CloudFormation operation ccs calls: `DescribeType`, for the schemas of resource types
/// it does not ship (see CCSCloud's schema sources). awsQuery protocol (botocore
/// `cloudformation/2010-05-15`, `"protocol": "query"`): `POST /` with a form-encoded body
/// `Action=DescribeType&Version=2010-05-15&…`, an XML answer, SigV4 with service
/// `cloudformation`.
///
/// It runs through the same pipeline as `CloudControlClient` (sign → send → map errors →
/// retry, with the same retry settings and trace), against `cloudformation.REGION.DNS_SUFFIX`
/// or an explicit endpoint (`--endpoint-url`, `AWS_ENDPOINT_URL_CLOUDFORMATION`, …, which the
/// caller resolves with `ResolvedSettings.resolve(serviceKey: "cloudformation")`).
public final class CloudFormationClient: @unchecked Sendable {
    /// The signing name and endpoint prefix (service-2.json `metadata.endpointPrefix`).
    public static let signingName = "cloudformation"
    /// The key in `AWS_ENDPOINT_URL_<KEY>` and `[services]` sections.
    public static let serviceKey = "cloudformation"
    /// service-2.json `metadata.apiVersion`, sent as `Version`.
    public static let apiVersion = "2010-05-15"
    /// The XML namespace of answers (service-2.json `metadata.xmlNamespace`).
    public static let xmlNamespace = "http://cloudformation.amazonaws.com/doc/2010-05-15/"
    /// The Content-Type of awsQuery request bodies.
    public static let contentType = "application/x-www-form-urlencoded; charset=utf-8"

    public let configuration: ClientConfiguration
    let pipeline: RequestPipeline
    let endpointResolver = EndpointResolver(endpointPrefix: CloudFormationClient.signingName)

    /// - Parameters:
    ///   - configuration: region, endpoint (CloudFormation's, not Cloud Control's), retries, trace.
    ///   - credentials: called before every attempt.
    ///   - transport: sends the signed requests; closed by `close()`.
    public init(
        configuration: ClientConfiguration, credentials: @escaping @Sendable () throws -> AWSCredentials,
        transport: HTTPTransport
    ) {
        self.configuration = configuration
        self.pipeline = RequestPipeline(configuration: configuration, transport: transport, credentials: credentials)
    }

    /// DescribeType of a resource type. Throws `DescribeTypeParameterError` before sending,
    /// `CloudFormationError` for an error answer (e.g. `TypeNotFoundException`),
    /// `TransportError`, `EndpointError`, or `ResponseDecodingError` for an answer that is not
    /// the expected XML.
    public func describeType(_ input: DescribeTypeInput) throws -> DescribeTypeOutput {
        try input.validate()
        let endpoint = try endpointResolver.resolve(
            .init(
                region: configuration.region, useFIPS: configuration.useFIPS,
                useDualStack: configuration.useDualStack, endpoint: configuration.endpointURL))
        let signer = SigV4Signer(service: Self.signingName, region: try pipeline.signingRegion())
        let unsigned = try RequestPipeline.post(
            endpoint: endpoint, headers: [(name: "Content-Type", value: Self.contentType)], body: input.formBody())
        return try pipeline.run(
            unsigned, signer: signer,
            decodeSuccess: { response in
                let tree: XMLElementTree
                do {
                    tree = try XMLElementTree.parse(response.body)
                } catch {
                    throw ResponseDecodingError(status: response.status, reason: "\(error)", body: response.body)
                }
                guard tree.name == "DescribeTypeResponse", let result = tree.child("DescribeTypeResult") else {
                    throw ResponseDecodingError(
                        status: response.status,
                        reason: "expected <DescribeTypeResponse><DescribeTypeResult>, got <\(tree.name)>",
                        body: response.body)
                }
                return DescribeTypeOutput(result: result)
            },
            decodeFailure: { response in
                let error = CloudFormationError.decode(status: response.status, body: response.body)
                return (error, (error as? CloudFormationError)?.code)
            })
    }

    /// Releases the connection.
    public func close() {
        pipeline.transport.close()
    }
}
