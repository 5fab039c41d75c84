extension SigV4Request {
    /// A request for an absolute URL such as `https://cloudcontrolapi.eu-west-3.amazonaws.com/`:
    /// the path and query are taken from it, and a `Host` header (with the port unless it is
    /// the scheme's default, as HTTP clients send it) is added when `headers` has none.
    /// `nil` when `url` is not an absolute `http` or `https` URL.
    public init?(method: String, url: String, headers: [(name: String, value: String)], body: [UInt8] = []) {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        var rest = url[schemeEnd.upperBound...]
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        guard !authority.isEmpty else { return nil }
        let target = rest[authorityEnd...]
        let path: Substring
        let query: Substring
        if let question = target.firstIndex(of: "?") {
            path = target[..<question]
            query = target[target.index(after: question)...]
        } else {
            path = target
            query = ""
        }
        var host = String(authority).lowercased()
        let defaultPort = scheme == "https" ? ":443" : ":80"
        if host.hasSuffix(defaultPort) { host.removeLast(defaultPort.count) }
        var allHeaders = headers
        if !headers.contains(where: { $0.name.lowercased() == "host" }) {
            allHeaders.insert(("Host", host), at: 0)
        }
        self.init(
            method: method, path: path.isEmpty ? "/" : String(path), query: String(query),
            headers: allHeaders,
            body: body)
    }
}
