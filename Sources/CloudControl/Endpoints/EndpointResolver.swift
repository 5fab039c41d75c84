import Foundation

/// Resolves the Cloud Control endpoint URL the way the service's `endpoint-rule-set-1.json`
/// (botocore data `cloudcontrol/2021-09-30`) does. The rule set is small and fixed, so its
/// outcome is encoded here rule by rule, in the rule set's order, rather than interpreted;
/// Tests/CloudControlTests/Fixtures/endpoints holds the URLs botocore itself resolves, and
/// the tests compare against them.
///
/// CloudFormation's rule set (`cloudformation/2010-05-15`) has the same shape for the
/// partitions ccs knows, with `cloudformation` as the host's first label, so one resolver
/// serves both with `endpointPrefix` set.
public struct EndpointResolver: Sendable {
    public var partitions: [Partition]
    /// The service's `metadata.endpointPrefix`: `cloudcontrolapi` or `cloudformation`.
    public var endpointPrefix: String

    public init(partitions: [Partition] = Partition.all, endpointPrefix: String = "cloudcontrolapi") {
        self.partitions = partitions
        self.endpointPrefix = endpointPrefix
    }

    /// The rule set's parameters (`Region`, `UseFIPS`, `UseDualStack`, `Endpoint`).
    public struct Parameters: Sendable, Equatable {
        public var region: String?
        public var useFIPS: Bool
        public var useDualStack: Bool
        /// A custom endpoint (`--endpoint-url`, `AWS_ENDPOINT_URL*`, profile `endpoint_url`).
        public var endpoint: String?

        public init(
            region: String?, useFIPS: Bool = false, useDualStack: Bool = false, endpoint: String? = nil
        ) {
            self.region = region
            self.useFIPS = useFIPS
            self.useDualStack = useDualStack
            self.endpoint = endpoint
        }
    }

    /// The URL, or an `EndpointError` with the rule set's own message.
    public func resolve(_ parameters: Parameters) throws -> String {
        // Rule 1: a custom endpoint wins, but FIPS and dual-stack cannot be applied to it.
        if let endpoint = parameters.endpoint {
            if parameters.useFIPS {
                throw EndpointError(
                    message: "Invalid Configuration: FIPS and custom endpoint are not supported")
            }
            if parameters.useDualStack {
                throw EndpointError(
                    message: "Invalid Configuration: Dualstack and custom endpoint are not supported")
            }
            return endpoint
        }
        // Rule 2: otherwise a region is needed.
        guard let region = parameters.region, !region.isEmpty else {
            throw EndpointError(message: "Invalid Configuration: Missing Region")
        }
        guard let partition = Partition.forRegion(region, in: partitions) else {
            throw EndpointError(message: "Invalid Configuration: no partition for region \(region)")
        }
        switch (parameters.useFIPS, parameters.useDualStack) {
        case (true, true):
            guard partition.supportsFIPS, partition.supportsDualStack else {
                throw EndpointError(
                    message: "FIPS and DualStack are enabled, but this partition does not support one or both"
                )
            }
            return "https://\(endpointPrefix)-fips.\(region).\(partition.dualStackDnsSuffix)"
        case (true, false):
            guard partition.supportsFIPS else {
                throw EndpointError(message: "FIPS is enabled but this partition does not support FIPS")
            }
            return "https://\(endpointPrefix)-fips.\(region).\(partition.dnsSuffix)"
        case (false, true):
            guard partition.supportsDualStack else {
                throw EndpointError(
                    message: "DualStack is enabled but this partition does not support DualStack")
            }
            return "https://\(endpointPrefix).\(region).\(partition.dualStackDnsSuffix)"
        case (false, false):
            return "https://\(endpointPrefix).\(region).\(partition.dnsSuffix)"
        }
    }
}
