import Foundation

/// One AWS partition as botocore's `partitions.json` describes it: the regions it names, the
/// pattern of region names it claims, and its DNS suffixes.
public struct Partition: Sendable, Equatable {
    public var id: String
    /// `regionRegex` of partitions.json.
    public var regionPattern: String
    /// The regions listed by name (global pseudo-regions included).
    public var regions: Set<String>
    public var dnsSuffix: String
    public var dualStackDnsSuffix: String
    public var supportsFIPS: Bool
    public var supportsDualStack: Bool

    /// The partitions of botocore 1.43's partitions.json, in its order, which is the order the
    /// `aws.partition` function tries the region patterns in.
    public static let all: [Partition] = [
        Partition(
            id: "aws", regionPattern: #"^(us|eu|ap|sa|ca|me|af|il|mx)\-\w+\-\d+$"#,
            regions: [
                "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
                "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3",
                "ap-southeast-4",
                "ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "aws-global", "ca-central-1",
                "ca-west-1",
                "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1",
                "eu-west-2",
                "eu-west-3", "il-central-1", "me-central-1", "me-south-1", "mx-central-1", "sa-east-1",
                "us-east-1",
                "us-east-2", "us-west-1", "us-west-2",
            ],
            dnsSuffix: "amazonaws.com", dualStackDnsSuffix: "api.aws", supportsFIPS: true,
            supportsDualStack: true),
        Partition(
            id: "aws-cn", regionPattern: #"^cn\-\w+\-\d+$"#,
            regions: ["aws-cn-global", "cn-north-1", "cn-northwest-1"],
            dnsSuffix: "amazonaws.com.cn", dualStackDnsSuffix: "api.amazonwebservices.com.cn",
            supportsFIPS: true, supportsDualStack: true),
        Partition(
            id: "aws-eusc", regionPattern: #"^eusc\-(de)\-\w+\-\d+$"#, regions: ["eusc-de-east-1"],
            dnsSuffix: "amazonaws.eu", dualStackDnsSuffix: "api.amazonwebservices.eu", supportsFIPS: true,
            supportsDualStack: true),
        Partition(
            id: "aws-iso", regionPattern: #"^us\-iso\-\w+\-\d+$"#,
            regions: ["aws-iso-global", "us-iso-east-1", "us-iso-west-1"],
            dnsSuffix: "c2s.ic.gov", dualStackDnsSuffix: "api.aws.ic.gov", supportsFIPS: true,
            supportsDualStack: true),
        Partition(
            id: "aws-iso-b", regionPattern: #"^us\-isob\-\w+\-\d+$"#,
            regions: ["aws-iso-b-global", "us-isob-east-1", "us-isob-west-1"],
            dnsSuffix: "sc2s.sgov.gov", dualStackDnsSuffix: "api.aws.scloud", supportsFIPS: true,
            supportsDualStack: true),
        Partition(
            id: "aws-iso-e", regionPattern: #"^eu\-isoe\-\w+\-\d+$"#,
            regions: ["aws-iso-e-global", "eu-isoe-west-1"],
            dnsSuffix: "cloud.adc-e.uk", dualStackDnsSuffix: "api.cloud-aws.adc-e.uk", supportsFIPS: true,
            supportsDualStack: true),
        Partition(
            id: "aws-iso-f", regionPattern: #"^us\-isof\-\w+\-\d+$"#,
            regions: ["aws-iso-f-global", "us-isof-east-1", "us-isof-south-1"],
            dnsSuffix: "csp.hci.ic.gov", dualStackDnsSuffix: "api.aws.hci.ic.gov", supportsFIPS: true,
            supportsDualStack: true),
        Partition(
            id: "aws-us-gov", regionPattern: #"^us\-gov\-\w+\-\d+$"#,
            regions: ["aws-us-gov-global", "us-gov-east-1", "us-gov-west-1"],
            dnsSuffix: "amazonaws.com", dualStackDnsSuffix: "api.aws", supportsFIPS: true,
            supportsDualStack: true),
    ]

    /// The rules engine's `aws.partition` function: the partition that lists the region by
    /// name, else the first whose pattern matches it, else `aws` (the rules-engine spec's
    /// default partition, so an unknown region still yields a URL).
    public static func forRegion(_ region: String, in partitions: [Partition] = Partition.all) -> Partition? {
        if let listed = partitions.first(where: { $0.regions.contains(region) }) { return listed }
        if let matched = partitions.first(where: { $0.matches(region) }) { return matched }
        return partitions.first { $0.id == "aws" }
    }

    func matches(_ region: String) -> Bool {
        region.range(of: regionPattern, options: .regularExpression) != nil
    }
}
