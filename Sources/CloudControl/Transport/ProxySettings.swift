import Foundation

/// The proxies to use, read from the environment the way curl and botocore read it:
/// `https_proxy`/`HTTPS_PROXY` for https URLs, `http_proxy`/`HTTP_PROXY` for http URLs (the
/// lowercase name wins), and `no_proxy`/`NO_PROXY` for hosts that bypass the proxy.
///
/// The transport passes these to libcurl explicitly rather than letting libcurl consult the
/// process environment, so the choice is visible, testable and identical for both spellings.
public struct ProxySettings: Sendable, Equatable {
    public var httpProxy: String?
    public var httpsProxy: String?
    /// Comma-separated hosts (or `*`) that are reached directly, in curl's `NOPROXY` syntax.
    public var noProxy: String?

    public init(httpProxy: String? = nil, httpsProxy: String? = nil, noProxy: String? = nil) {
        self.httpProxy = httpProxy
        self.httpsProxy = httpsProxy
        self.noProxy = noProxy
    }

    /// Reads the settings from an environment dictionary (usually `ProcessInfo.processInfo.environment`).
    public init(environment: [String: String]) {
        func value(_ names: String...) -> String? {
            for name in names {
                if let found = environment[name], !found.isEmpty { return found }
            }
            return nil
        }
        self.init(
            httpProxy: value("http_proxy", "HTTP_PROXY"),
            httpsProxy: value("https_proxy", "HTTPS_PROXY"),
            noProxy: value("no_proxy", "NO_PROXY")
        )
    }

    /// The proxy for a URL, by its scheme; nil means a direct connection.
    public func proxy(forURL url: String) -> String? {
        url.lowercased().hasPrefix("https:") ? httpsProxy : httpProxy
    }
}
