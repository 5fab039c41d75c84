import CloudControl
import Testing

@testable import CCSCloud

/// `list` and `requests` are lazy: pages are fetched only as iteration reaches them.
@Suite struct ListingTests {
    static func groups(_ n: Int) -> [String] {
        (0..<n).map { #"{"LogGroupName":"g\#($0)"}"# }
    }

    @Test func loopThatBreaksAfterThreeItemsSendsOneRequest() throws {
        let h = try CloudHarness()
        try h.seed("AWS::Logs::LogGroup", Self.groups(60))
        h.service.reset()
        let result = h.run(
            """
            let n = 0
            for r in list("AWS::Logs::LogGroup") {
              n = n + 1
              if n == 3 { break }
            }
            print(n)
            """)
        #expect(result.errors == "")
        #expect(result.lines == ["3"])
        #expect(h.service.count(.listResources) == 1)
    }

    @Test func takeFetchesOnePageAndCountFetchesAll() throws {
        let h = try CloudHarness()
        try h.seed("AWS::Logs::LogGroup", Self.groups(60))
        h.service.reset()
        #expect(
            h.run(#"len(sort(map(take(list("AWS::Logs::LogGroup"), 3), fn (r) => r.id)))"#).lines == ["3"])
        #expect(h.service.count(.listResources) == 1)
        h.service.reset()
        #expect(h.run(#"count(list("AWS::Logs::LogGroup"))"#).lines == ["60"])
        #expect(h.service.count(.listResources) == 3)
    }

    @Test func pageSizeMaxItemsAndStartingToken() throws {
        let h = try CloudHarness()
        try h.seed("AWS::Logs::LogGroup", Self.groups(12))
        h.service.reset()
        #expect(h.run(#"count(list("AWS::Logs::LogGroup", {page_size: 5}))"#).lines == ["12"])
        #expect(h.service.count(.listResources) == 3)
        h.service.reset()
        #expect(h.run(#"count(list("AWS::Logs::LogGroup", {page_size: 5, max_items: 7}))"#).lines == ["7"])
        #expect(h.service.count(.listResources) == 2)
        let page = try h.engine.listResources(
            ListResourcesInput(typeName: "AWS::Logs::LogGroup", maxResults: 10))
        let token = try #require(page.nextToken)
        #expect(h.run(#"count(list("AWS::Logs::LogGroup", {starting_token: "\#(token)"}))"#).lines == ["2"])
        let bad = h.run(#"list("AWS::Logs::LogGroup", {pagesize: 5})"#)
        #expect(
            bad.errors.contains(
                "list: unknown option 'pagesize' (did you mean 'page_size'? known: model, page_size, max_items, starting_token, role_arn, type_version_id, details, concurrency)"
            ))
    }

    @Test func startingTokenResumesInsideAPage() throws {
        let h = try CloudHarness()
        try h.seed("AWS::Logs::LogGroup", Self.groups(12))
        // A paginator stopped by max_items inside the second page hands out a resume token
        // (botocore's, as `aws cloudcontrol list-resources --max-items` prints it).
        let first = h.engine.listResourcesPaginator(
            ListResourcesInput(typeName: "AWS::Logs::LogGroup"), config: PaginationConfig(maxItems: 7, pageSize: 5))
        let seen = try first.allItems().compactMap(\.identifier)
        let token = try #require(first.resumeToken)
        h.service.reset()
        let result = h.run(
            #"print(sort(map(list("AWS::Logs::LogGroup", {page_size: 5, starting_token: "\#(token)"}), fn (r) => r.id)))"#)
        #expect(result.errors == "")
        let rest = try h.engine.listResources(ListResourcesInput(typeName: "AWS::Logs::LogGroup")).pageItems
            .compactMap(\.identifier).filter { !seen.contains($0) }.sorted()
        #expect(rest.count == 5)
        #expect(result.lines == ["[" + rest.map { "\"\($0)\"" }.joined(separator: ",") + "]"])
        #expect(h.service.count(.listResources) == 2)
    }

    @Test func maxItemsZeroSendsNothing() throws {
        let h = try CloudHarness()
        try h.seed("AWS::Logs::LogGroup", Self.groups(3))
        h.service.reset()
        #expect(h.run(#"count(list("AWS::Logs::LogGroup", {max_items: 0}))"#).lines == ["0"])
        #expect(h.service.count(.listResources) == 0)
    }

    @Test func childTypeListingWithModel() throws {
        let h = try CloudHarness()
        try h.seed("AWS::Logs::LogGroup", [#"{"LogGroupName":"a"}"#, #"{"LogGroupName":"b"}"#])
        try h.seed(
            "AWS::Logs::LogStream",
            [
                #"{"LogGroupName":"a","LogStreamName":"s1"}"#, #"{"LogGroupName":"a","LogStreamName":"s2"}"#,
                #"{"LogGroupName":"b","LogStreamName":"s3"}"#,
            ])
        let result = h.run(
            """
            print(sort(map(list("AWS::Logs::LogStream", {model: {LogGroupName: "a"}}), fn (s) => s.id)))
            try { count(list("AWS::Logs::LogStream")) } catch e { print(e.code) }
            """)
        #expect(result.errors == "")
        #expect(result.lines == [#"["a|s1","a|s2"]"#, "InvalidRequestException"])
    }

    @Test func childTypeWithoutItsParentKeySaysWhatToPass() throws {
        let h = try CloudHarness()
        let result = h.run(
            """
            try { count(list("AWS::EKS::Nodegroup")) } catch e { print(e.code); print(e.message) }
            try { count(list("AWS::Logs::LogStream", {model: {Other: "x"}})) } catch e { print(e.message) }
            """)
        #expect(result.errors == "")
        #expect(
            result.lines == [
                "InvalidRequestException",
                "list: InvalidRequestException: Missing or invalid ResourceModel property in AWS::EKS::Nodegroup list handler request input.Required property:  (#: required key [ClusterName] not found)",
                #"AWS::EKS::Nodegroup is listed per parent: pass the parent's key in 'model', e.g. list("AWS::EKS::Nodegroup", {model: {ClusterName: "..."}})"#,
                "list: InvalidRequestException: Missing or invalid ResourceModel property in AWS::Logs::LogStream list handler request input.Required property:  (#: required key [LogGroupName] not found)",
                #"AWS::Logs::LogStream is listed per parent: pass the parent's key in 'model', e.g. list("AWS::Logs::LogStream", {model: {LogGroupName: "..."}})"#,
            ])
    }

    @Test func parentKeysNamedByTheServiceComeFirst() throws {
        let h = try CloudHarness(wrap: {
            ParentKeyListService(
                $0, detail: "Required property: (#: required key [ParentId, Zone] not found)")
        })
        let result = h.run(#"try { count(list("Example::Child::Thing")) } catch e { print(e.message) }"#)
        #expect(result.errors == "")
        #expect(
            result.lines.last
                == #"Example::Child::Thing is listed per parent: pass the parent's keys in 'model', e.g. list("Example::Child::Thing", {model: {ParentId: "...", Zone: "..."}})"#
        )
    }

    @Test func parentKeysOfATypeOutsideTheTableComeFromItsIdentifier() throws {
        let h = try CloudHarness(wrap: { ParentKeyListService($0, detail: "") })
        let result = h.run(
            #"try { count(list("AWS::Logs::MetricFilter")) } catch e { print(e.message) }"#)
        #expect(result.errors == "")
        #expect(
            result.lines.last
                == #"AWS::Logs::MetricFilter is listed per parent: pass the parent's key in 'model', e.g. list("AWS::Logs::MetricFilter", {model: {LogGroupName: "..."}})"#
        )
    }

    @Test(arguments: [
        ("Required property: (#: required key [ClusterName] not found)", ["ClusterName"]),
        ("required key [A, B] not found; required key [C] not found", ["A", "B", "C"]),
        ("Invalid value for RetentionInDays", []),
    ])
    func requiredKeysInAServiceMessage(message: String, keys: [String]) {
        #expect(ResourcePager.requiredKeys(in: message) == keys)
    }

    @Test func requestsFilteredByOperationAndStatus() throws {
        let h = try CloudHarness()
        try h.seed("AWS::Logs::LogGroup", Self.groups(3))
        let result = h.run(
            """
            wait(delete("AWS::Logs::LogGroup", "g0"))
            print(count(requests({operations: ["DELETE"]})))
            print(count(requests({operations: ["CREATE"], statuses: ["SUCCESS"]})))
            for r in requests({operations: "DELETE"}) { print(type(r), r.op, r.status, r.id) }
            """)
        #expect(result.errors == "")
        #expect(result.lines == ["1", "3", "request DELETE SUCCESS g0"])
    }

    @Test func propertiesAreDecodedOnlyWhenAsked() throws {
        let resource = ResourceValue(type: "T::T::T", identifier: "x", propertiesText: "{not json")
        #expect(try resource.field("id") != nil)
        #expect(throws: (any Error).self) { _ = try resource.field("props") }
    }
}
