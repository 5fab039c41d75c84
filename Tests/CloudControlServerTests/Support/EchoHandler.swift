import CloudControl
import CloudControlServer
import Foundation

/// A request handler for tests of the HTTP layer alone: answers with what it received, so a
/// test can check exactly what the server handed over.
///
/// - `/drop` closes the connection without a response;
/// - `/slow?ms=N` sleeps N milliseconds first (a blocking handler, as the engine is);
/// - any other path answers 200 with body `METHOD URI BODY`.
/// Protocol failures answer 413, 431 or 400 with the failure's description as the body.
struct EchoHandler: ServerRequestHandler {
    func handle(_ request: ServerRequest) -> ServerReply {
        switch request.path {
        case "/drop":
            return .dropConnection
        case "/slow":
            let millis = request.query.hasPrefix("ms=") ? Int(request.query.dropFirst(3)) ?? 0 : 0
            Thread.sleep(forTimeInterval: Double(millis) / 1000)
        default:
            break
        }
        let text = "\(request.method) \(request.uri) " + String(decoding: request.body, as: UTF8.self)
        return .respond(HTTPResponse(status: 200, headers: [("X-Echo", "1")], body: Array(text.utf8)))
    }

    func response(to failure: HTTPProtocolFailure) -> HTTPResponse {
        let status: Int
        switch failure {
        case .bodyTooLarge: status = 413
        case .headersTooLarge: status = 431
        case .malformed: status = 400
        }
        return HTTPResponse(status: status, body: Array("\(failure)".utf8))
    }
}
