import Foundation
import SigV4

/// A request as the suites write it: `METHOD TARGET HTTP/1.1`, header lines (a line that
/// starts with whitespace continues the previous header, RFC 7230 §3.2.4 obs-fold), a blank
/// line, the body. The target may contain raw spaces and UTF-8 (`/example space/`).
struct RawHTTPRequest {
    var method: String
    var path: String
    var query: String
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    enum ParseError: Error, CustomStringConvertible {
        case malformed(String)
        var description: String {
            switch self {
            case .malformed(let why): return "malformed request file: \(why)"
            }
        }
    }

    init(text: String) throws {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        let lines = normalized.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let requestLine = lines.first, let firstSpace = requestLine.firstIndex(of: " "),
            let lastSpace = requestLine.lastIndex(of: " "), firstSpace < lastSpace
        else { throw ParseError.malformed("request line '\(lines.first ?? "")'") }
        method = String(requestLine[..<firstSpace])
        let target = String(requestLine[requestLine.index(after: firstSpace)..<lastSpace])
        if let question = target.firstIndex(of: "?") {
            path = String(target[..<question])
            query = String(target[target.index(after: question)...])
        } else {
            path = target
            query = ""
        }
        headers = []
        var index = 1
        while index < lines.count, !lines[index].isEmpty {
            let line = lines[index]
            if line.first == " " || line.first == "\t" {
                guard !headers.isEmpty else { throw ParseError.malformed("continuation before any header") }
                headers[headers.count - 1].value += " " + line
            } else {
                guard let colon = line.firstIndex(of: ":") else {
                    throw ParseError.malformed("header '\(line)'")
                }
                headers.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
            }
            index += 1
        }
        let bodyLines = index + 1 < lines.count ? lines[(index + 1)...] : []
        body = Array(bodyLines.joined(separator: "\n").utf8)
    }

    var sigV4Request: SigV4Request {
        SigV4Request(method: method, path: path, query: query, headers: headers, body: body)
    }
}
