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
}
