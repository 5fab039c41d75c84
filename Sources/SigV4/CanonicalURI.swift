/// Step 1 of "Create a canonical request": the CanonicalURI line.
enum CanonicalURI {
    /// The canonical form of `path` (as sent, percent-encoded). With `normalize`, dot segments
    /// are removed and empty segments collapsed (RFC 3986 §5.2.4, plus `//` → `/` as AWS
    /// does); a trailing slash is kept. With `escape`, every byte but unreserved characters
    /// and `/` is percent-encoded once more, which double-encodes escapes in the path as all
    /// services but S3 expect.
    static func make(path: String, normalize: Bool, escape: Bool) -> String {
        var result = path.isEmpty ? "/" : path
        if normalize {
            result = normalized(result)
        }
        if escape {
            result = URIEncoding.encode(result.utf8, keepSlash: true)
        }
        return result
    }

    static func normalized(_ path: String) -> String {
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".":
                continue
            case "..":
                _ = segments.popLast()
            default:
                segments.append(segment)
            }
        }
        var result = "/" + segments.joined(separator: "/")
        if path.hasSuffix("/") && !result.hasSuffix("/") {
            result += "/"
        }
        return result
    }
}
