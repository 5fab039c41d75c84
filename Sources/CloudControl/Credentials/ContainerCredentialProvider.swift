import Foundation
import SigV4

/// Credentials of an ECS task or EKS pod: `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` (a path on
/// http://169.254.170.2) or `AWS_CONTAINER_CREDENTIALS_FULL_URI`, with the token of
/// `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` (read on every fetch, since it rotates) or
/// `AWS_CONTAINER_AUTHORIZATION_TOKEN` sent as the `Authorization` header.
///
/// A full URI over plain http must point at a loopback address or one of the container
/// agents' link-local addresses, as botocore requires, so credentials are never fetched from
/// an arbitrary host without TLS.
public final class ContainerCredentialProvider: CredentialProvider, @unchecked Sendable {
    /// The ECS credentials agent.
    public static let relativeURIHost = "http://169.254.170.2"
    static let allowedPlainHTTPHosts: Set<String> = [
        "169.254.170.2", "169.254.170.23", "fd00:ec2::23", "localhost",
    ]

    private let environment: [String: String]
    private let transport: any HTTPTransport
    private let timeout: TimeInterval
    private let attempts: Int
    public let sourceDescription =
        "container credentials (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI / _FULL_URI)"

    public init(
        environment: [String: String], transport: any HTTPTransport, timeout: TimeInterval = 2,
        attempts: Int = 3
    ) {
        self.environment = environment
        self.transport = transport
        self.timeout = timeout
        self.attempts = max(1, attempts)
    }

    public func credentials() throws(CredentialError) -> AWSCredentials? {
        guard let url = Self.requestURL(environment: environment) else { return nil }
        if environment.awsSetting("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") == nil {
            try Self.checkFullURI(url)
        }
        var headers: [(name: String, value: String)] = [("Accept", "application/json")]
        if let token = try authorizationToken() {
            headers.append(("Authorization", token))
        }
        let request = HTTPRequest(method: "GET", url: url, headers: headers)
        var lastProblem = ""
        for _ in 0..<attempts {
            let response: HTTPResponse
            do {
                response = try transport.send(request, timeout: timeout)
            } catch {
                lastProblem = "the request failed: \(error)"
                continue
            }
            if response.status >= 500 {
                lastProblem = "it answered HTTP \(response.status)"
                continue
            }
            guard response.status == 200 else {
                throw failure(url, "it answered HTTP \(response.status)")
            }
            guard let document = CredentialsDocument.decode(response.body) else {
                throw failure(url, "the response is not a JSON credentials object")
            }
            switch document.credentials() {
            case .success(let credentials): return credentials
            case .failure(let problem): throw failure(url, "the response \(problem.message)")
            }
        }
        throw failure(url, lastProblem)
    }

    private func failure(_ url: String, _ why: String) -> CredentialError {
        CredentialError(.containerFailed, "Error retrieving container credentials from \(url): \(why)")
    }

    /// The token file wins over the token variable; neither may hold a line break, which would
    /// let it inject headers.
    private func authorizationToken() throws(CredentialError) -> String? {
        var token: String?
        if let path = environment.awsSetting("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE") {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CredentialError(
                    .containerFailed, "Unable to read the container authorization token file \(path)")
            }
            token = String(decoding: data, as: UTF8.self).trimmedForConfig()
                .trimmingCharacters(in: .newlines)
        } else {
            token = environment.awsSetting("AWS_CONTAINER_AUTHORIZATION_TOKEN")
        }
        if let token, token.contains(where: { $0.isNewline }) {
            throw CredentialError(
                .containerFailed, "The container authorization token contains a line break and cannot be sent"
            )
        }
        return token
    }

    /// The URL to ask: the relative URI on the ECS agent (it wins, as in botocore), else the
    /// full URI; `nil` when neither variable is set.
    static func requestURL(environment: [String: String]) -> String? {
        if let relative = environment.awsSetting("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") {
            return relativeURIHost + (relative.hasPrefix("/") ? relative : "/" + relative)
        }
        return environment.awsSetting("AWS_CONTAINER_CREDENTIALS_FULL_URI")
    }

    static func checkFullURI(_ uri: String) throws(CredentialError) {
        guard let url = URL(string: uri), let scheme = url.scheme?.lowercased(),
            let host = url.host?.lowercased()
        else {
            throw CredentialError(
                .containerFailed, "AWS_CONTAINER_CREDENTIALS_FULL_URI '\(uri)' is not a URL")
        }
        if scheme == "https" { return }
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        guard scheme == "http",
            bare.hasPrefix("127.") || bare == "::1" || allowedPlainHTTPHosts.contains(bare)
        else {
            throw CredentialError(
                .containerFailed,
                "AWS_CONTAINER_CREDENTIALS_FULL_URI '\(uri)' must use https, or http to a loopback address "
                    + "or the container agent (169.254.170.2, 169.254.170.23, fd00:ec2::23)")
        }
    }
}
