/// The constants of AWS STS's awsQuery protocol (botocore `sts/2011-06-15/service-2.json`),
/// shared by the client (`STSClient`) and the emulator's STS.
public enum STSWire {
    /// The SigV4 signing name.
    public static let signingName = "sts"
    /// The `Version` form parameter.
    public static let apiVersion = "2011-06-15"
    /// The namespace of every response and error document.
    public static let xmlNamespace = "https://sts.amazonaws.com/doc/2011-06-15/"
    /// AssumeRole's DurationSeconds bounds: 15 minutes to 12 hours, default one hour; a role
    /// session that assumes another role (role chaining) is limited to one hour (IAM User
    /// Guide, "Role chaining").
    public static let minimumDuration = 900
    public static let maximumDuration = 43_200
    public static let defaultDuration = 3_600
    public static let chainedMaximumDuration = 3_600

    /// `arn:PARTITION:iam::ACCOUNT:role/[PATH/]NAME` → the 12-digit account and the role's
    /// name; nil for anything else.
    public static func roleArnParts(_ arn: String) -> (account: String, name: String)? {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[2] == "iam", parts[3].isEmpty,
            parts[4].count == 12, parts[4].allSatisfy({ $0.isASCII && $0.isNumber }),
            parts[5].hasPrefix("role/"), parts[5].count > 5, let name = parts[5].split(separator: "/").last
        else { return nil }
        return (String(parts[4]), String(name))
    }
}
