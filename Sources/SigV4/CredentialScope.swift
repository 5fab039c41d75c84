/// "Create a string to sign", CredentialScope: `date/region/service/aws4_request`.
struct CredentialScope: Equatable {
    static let terminator = "aws4_request"

    let dateStamp: String
    let region: String
    let service: String

    var string: String { "\(dateStamp)/\(region)/\(service)/\(Self.terminator)" }
}
