import Testing

@testable import CloudControl

struct ErrorDecodingTests {
    func decode(_ status: Int, _ body: String, headers: [(name: String, value: String)] = []) throws
        -> CloudControlError
    {
        try CloudControlWire.decodeError(status: status, headers: headers, body: Array(body.utf8))
    }

    @Test(arguments: CloudControlErrorCode.modeled)
    func everyModeledTypeDecodesFromItsOwnBody(code: CloudControlErrorCode) throws {
        let body = CloudControlWire.encodeError(CloudControlError(code: code, message: "m"))
        let error = try CloudControlWire.decodeError(status: code.httpStatus, headers: [], body: body)
        #expect(error.code == code)
        #expect(error.message == "m")
        #expect(CloudControlErrorCode(wireName: code.wireName) == code)
    }

    @Test func twentyOneModeledTypes() {
        #expect(CloudControlErrorCode.modeled.count == 21)
        #expect(Set(CloudControlErrorCode.modeled.map(\.wireName)).count == 21)
        #expect(CloudControlErrorCode.modeled.allSatisfy { $0.wireName.hasSuffix("Exception") })
    }

    @Test func namespacePrefixIsStripped() throws {
        let error = try decode(
            400, #"{"__type":"com.amazonaws.cloudcontrolapi#ResourceNotFoundException","Message":"gone"}"#,
            headers: [("x-amzn-RequestId", "req-9")])
        #expect(error.code == .resourceNotFound)
        #expect(error.message == "gone")
        #expect(error.httpStatus == 400)
        #expect(error.requestId == "req-9")
        #expect(error.description == "ResourceNotFoundException: gone")
    }

    @Test func headerWinsAndItsSuffixIsStripped() throws {
        let error = try decode(
            400, #"{"__type":"InvalidRequestException","message":"slow down"}"#,
            headers: [
                (
                    "X-Amzn-ErrorType",
                    "ThrottlingException:http://internal.amazon.com/coral/com.amazon.coral.service/"
                )
            ])
        #expect(error.code == .throttling)
        #expect(error.message == "slow down")
        #expect(error.isThrottling)
        #expect(error.isRetryable)
    }

    @Test func headerAloneWithNonJSONBody() throws {
        let error = try decode(
            503, "<html>Service Unavailable</html>",
            headers: [("x-amzn-errortype", "ServiceInternalErrorException")])
        #expect(error.code == .serviceInternalError)
        #expect(error.message == "")
        #expect(error.isTransient)
    }

    @Test func codeMemberIsRead() throws {
        let error = try decode(
            400, #"{"code":"aws.protocoltests#ClientTokenConflictException","Message":"x"}"#)
        #expect(error.code == .clientTokenConflict)
    }

    @Test func unknownTypeIsKept() throws {
        let error = try decode(
            400, #"{"__type":"com.amazon.coral.validate#ValidationException","Message":"1 validation error"}"#
        )
        #expect(error.code == .unknown("ValidationException"))
        #expect(error.code.wireName == "ValidationException")
        #expect(!error.isRetryable)
        #expect(error.description == "ValidationException: 1 validation error")
    }

    @Test func unknownThrottlingNameIsStillThrottling() throws {
        let error = try decode(400, #"{"__type":"TooManyRequestsException"}"#)
        #expect(error.code == .unknown("TooManyRequestsException"))
        #expect(error.isThrottling)
    }

    @Test func garbageBodyIsADecodingErrorWithStatusAndExcerpt() {
        let error = #expect(throws: ResponseDecodingError.self) {
            try decode(502, "<html>\n<body>Bad Gateway</body></html>")
        }
        #expect(error?.status == 502)
        #expect(error?.excerpt == #""<html>\n<body>Bad Gateway</body></html>""#)
        #expect(error?.description.contains("HTTP 502") == true)
        #expect(error?.description.contains("error response body is not JSON") == true)
        #expect(error?.isTransient == true)
    }

    @Test func longBodiesAreCutInTheExcerpt() {
        let body = [UInt8](repeating: UInt8(ascii: "x"), count: 500)
        let error = ResponseDecodingError(status: 200, reason: "r", body: body)
        #expect(error.excerpt.hasSuffix("… (500 bytes)"))
        #expect(error.excerpt.count < 200)
    }

    @Test func bodyWithoutAType() {
        let error = #expect(throws: ResponseDecodingError.self) { try decode(400, #"{"Message":"what"}"#) }
        #expect(error?.reason.contains("names no error type") == true)
        #expect(throws: ResponseDecodingError.self) { try decode(500, "") }
    }

    @Test func faultsAre500AndClientErrors400() {
        #expect(CloudControlErrorCode.serviceInternalError.httpStatus == 500)
        #expect(CloudControlErrorCode.concurrentModification.httpStatus == 500)
        #expect(CloudControlErrorCode.throttling.httpStatus == 400)
        #expect(CloudControlErrorCode.resourceNotFound.httpStatus == 400)
        #expect(CloudControlError(code: .networkFailure).httpStatus == 500)
        #expect(CloudControlError(code: .handlerFailure, httpStatus: 500).isTransient)
        #expect(!CloudControlError(code: .alreadyExists).isRetryable)
    }

    @Test func errorBodyEncoding() {
        let body = CloudControlWire.encodeError(
            CloudControlError(
                code: .alreadyExists, message: "Resource of type 'X' with identifier 'a' already exists."),
            typePrefix: "com.amazonaws.cloudcontrol#")
        #expect(
            String(decoding: body, as: UTF8.self)
                == #"{"__type":"com.amazonaws.cloudcontrol#AlreadyExistsException","Message":"Resource of type 'X' with identifier 'a' already exists."}"#
        )
    }
}
