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
        let signer = SigV4Signer(service: CloudControlClient.signingName, region: try pipeline.signingRegion())
        let unsigned = try unsignedRequest(operation: Input.operation, endpoint: endpoint, body: body)
        // 5.–8. sign, send, map errors, retry decision.
        return try pipeline.run(
            unsigned, signer: signer,
            decodeSuccess: { response in
                try CloudControlWire.decodeOutput(Input.Output.self, status: response.status, body: response.body)
            },
            decodeFailure: { response in
                // The typed error by `__type`; an error response that names no type (an HTML
                // 503 from a load balancer) still counts by its status.
                do {
                    let error = try CloudControlWire.decodeError(
                        status: response.status, headers: response.headers, body: response.body)
                    return (error, error.code.wireName)
                } catch {
                    return (error, nil)
                }
            })
    }

    /// `POST /` with the awsJson1_0 headers (Smithy awsJson1_0 protocol: `X-Amz-Target:
    /// <targetPrefix>.<Operation>`, `Content-Type: application/x-amz-json-1.0`).
    func unsignedRequest(operation: APIOperation, endpoint: String, body: [UInt8]) throws -> HTTPRequest {
        try RequestPipeline.post(
            endpoint: endpoint,
            headers: [
                (name: "Content-Type", value: CloudControlWire.contentType),
                (name: CloudControlWire.targetHeader, value: CloudControlWire.target(for: operation)),
            ],
            body: body)
    }
}
