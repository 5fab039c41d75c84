import Foundation
import JSONCore
import ResourceSchemas
import Testing

@testable import CloudControlLocal

@Suite struct ListingAndUpdateTests {
    @Test func resourcesComeInPagesOf25WithOpaqueTokens() throws {
        let engine = try Support.engine()
        for i in 0..<60 {
            _ = try engine.create(
                typeName: "AWS::Logs::LogGroup", desiredState: #"{"LogGroupName":"g\#(i)"}"#, clientToken: nil
            )
        }
        var seen: [String] = []
        var token: String? = nil
        var sizes: [Int] = []
        repeat {
            let (page, next) = try engine.list(
                typeName: "AWS::Logs::LogGroup", resourceModel: nil, nextToken: token, maxResults: nil)
            sizes.append(page.count)
            seen += page.map(\.identifier)
            token = next
            if let next { #expect(next.allSatisfy { $0.isLetter || $0.isNumber || "+/=-".contains($0) }) }
        } while token != nil
        #expect(sizes == [25, 25, 10])
        #expect(seen == (0..<60).map { "g\($0)" })
        #expect(
            try engine.list(
                typeName: "AWS::Logs::LogGroup", resourceModel: nil, nextToken: nil, maxResults: 100
            ).0.count == 60)
        expectLocalError("InvalidRequestException") {
            _ = try engine.list(
                typeName: "AWS::Logs::LogGroup", resourceModel: nil, nextToken: nil, maxResults: 101)
        }
        let (_, next) = try engine.list(
            typeName: "AWS::Logs::LogGroup", resourceModel: nil, nextToken: nil, maxResults: 10)
        let message = expectLocalError("InvalidRequestException") {
            _ = try engine.list(
                typeName: "AWS::SQS::Queue", resourceModel: nil, nextToken: next, maxResults: nil)
        }
        #expect(message.contains("does not belong to this listing"))
        expectLocalError("InvalidRequestException") {
            _ = try engine.list(
                typeName: "AWS::Logs::LogGroup", resourceModel: nil, nextToken: "%%%", maxResults: nil)
        }
    }

    @Test func childTypesNeedTheirParentKey() throws {
        // About listing, not references: the node groups' clusters are not created.
        let engine = try Support.engine(references: false)
        for (cluster, name) in [("prod", "a"), ("prod", "b"), ("dev", "c")] {
            let state =
                #"{"ClusterName":"\#(cluster)","NodegroupName":"\#(name)","NodeRole":"arn:aws:iam::123456789012:role/n","Subnets":["subnet-1"]}"#
            #expect(
                try engine.create(typeName: "AWS::EKS::Nodegroup", desiredState: state, clientToken: nil)
                    .operationStatus == .success)
        }
        let message = expectLocalError("InvalidRequestException") {
            _ = try engine.list(
                typeName: "AWS::EKS::Nodegroup", resourceModel: nil, nextToken: nil, maxResults: nil)
        }
        #expect(message.contains("ClusterName"))
        let (prod, _) = try engine.list(
            typeName: "AWS::EKS::Nodegroup", resourceModel: #"{"ClusterName":"prod"}"#, nextToken: nil,
            maxResults: nil)
        #expect(prod.map(\.identifier) == ["prod|a", "prod|b"])
        let stage = expectLocalError("InvalidRequestException") {
            _ = try engine.list(
                typeName: "AWS::ApiGateway::Stage", resourceModel: "{}", nextToken: nil, maxResults: nil)
        }
        #expect(stage.contains("RestApiId"))
    }

    @Test func listResourceRequestsFiltersAndPages() throws {
        let clock = ManualClock()
        let engine = try Support.engine(latency: 1, clock: clock)
        for i in 0..<30 {
            _ = try engine.create(
                typeName: "AWS::Logs::LogGroup", desiredState: #"{"LogGroupName":"g\#(i)"}"#, clientToken: nil
            )
        }
        clock.advance(3)
        _ = try engine.delete(typeName: "AWS::Logs::LogGroup", identifier: "g0", clientToken: nil)
        let (all, next) = try engine.listRequests(
            operations: [], statuses: [], nextToken: nil, maxResults: nil)
        // 20 by default, as the API reference documents for ListResourceRequests.
        #expect(all.count == 20)
        #expect(all.first?.operation == .delete)
        let (rest, end) = try engine.listRequests(
            operations: [], statuses: [], nextToken: next, maxResults: nil)
        #expect(rest.count == 11)
        #expect(end == nil)
        #expect(Set((all + rest).map(\.requestToken)).count == 31)
        let (deletes, _) = try engine.listRequests(
            operations: [.delete], statuses: [], nextToken: nil, maxResults: nil)
        #expect(deletes.map(\.operationStatus) == [.pending])
        let (pending, _) = try engine.listRequests(
            operations: [.create], statuses: [.pending, .inProgress], nextToken: nil, maxResults: nil)
        #expect(pending.isEmpty)
        let (successes, _) = try engine.listRequests(
            operations: [], statuses: [.success], nextToken: nil, maxResults: 100)
        #expect(successes.count == 30)
    }

    @Test func updateAppliesThePatchAndValidates() throws {
        let engine = try Support.engine()
        let state = #"{"LogGroupName":"/app/u","RetentionInDays":7,"Tags":[{"Key":"a","Value":"1"}]}"#
        _ = try engine.create(typeName: "AWS::Logs::LogGroup", desiredState: state, clientToken: nil)
        let ok = try engine.update(
            typeName: "AWS::Logs::LogGroup", identifier: "/app/u",
            patchDocument:
                #"[{"op":"replace","path":"/RetentionInDays","value":30},{"op":"add","path":"/Tags/-","value":{"Key":"b","Value":"2"}}]"#,
            clientToken: nil)
        #expect(ok.operationStatus == .success)
        let model = try Support.json(
            try engine.get(typeName: "AWS::Logs::LogGroup", identifier: "/app/u").properties)
        #expect(model["RetentionInDays"] == 30)
        #expect(model["Tags"] == [["Key": "a", "Value": "1"], ["Key": "b", "Value": "2"]])
        #expect(model["Arn"] == "arn:aws:logs:us-east-1:123456789012:log-group:/app/u:*")

        let createOnly = expectLocalError("NotUpdatableException") {
            _ = try engine.update(
                typeName: "AWS::Logs::LogGroup", identifier: "/app/u",
                patchDocument: #"[{"op":"replace","path":"/LogGroupName","value":"/other"},{"op":"add","path":"/RetentionInDays","value":1}]"#,
                clientToken: nil)
        }
        #expect(createOnly == "Invalid patch update: createOnlyProperties [/properties/LogGroupName] cannot be updated")

        let readOnly = try engine.update(
            typeName: "AWS::Logs::LogGroup", identifier: "/app/u",
            patchDocument: #"[{"op":"remove","path":"/Arn"}]"#, clientToken: nil)
        #expect(readOnly.errorCode == "InvalidRequest")
        #expect(readOnly.statusMessage?.contains("read-only property /properties/Arn") == true)

        let invalid = expectLocalError("ValidationException") {
            _ = try engine.update(
                typeName: "AWS::Logs::LogGroup", identifier: "/app/u",
                patchDocument: #"[{"op":"replace","path":"/RetentionInDays","value":"long"}]"#, clientToken: nil)
        }
        #expect(invalid == "Model validation failed (#/RetentionInDays: expected integer, got string)")

        let missing = try engine.update(
            typeName: "AWS::Logs::LogGroup", identifier: "/app/u",
            patchDocument: #"[{"op":"remove","path":"/KmsKeyId"}]"#, clientToken: nil)
        #expect(missing.errorCode == "InvalidRequest")
        #expect(
            missing.statusMessage == "patch operation 0 (remove /KmsKeyId): member 'KmsKeyId' does not exist")
        // Failed updates changed nothing.
        #expect(
            try Support.json(try engine.get(typeName: "AWS::Logs::LogGroup", identifier: "/app/u").properties)
                == model)
    }

    @Test func updateCannotChangeThePrimaryIdentifier() throws {
        let dir = try Support.temporaryDirectory()
        let widget =
            #"{"typeName":"Custom::Demo::Widget","properties":{"Name":{"type":"string"},"Size":{"type":"integer"}},"primaryIdentifier":["/properties/Name"],"additionalProperties":false}"#
        try widget.write(toFile: dir + "/widget.json", atomically: true, encoding: .utf8)
        var configuration = LocalConfiguration()
        configuration.latency = 0
        let engine = try LocalCloudControl(
            databasePath: ":memory:", configuration: configuration,
            registry: try SchemaRegistry(includeShipped: false, directories: [dir]), clock: ManualClock())
        _ = try engine.create(
            typeName: "Custom::Demo::Widget", desiredState: #"{"Name":"w","Size":1}"#, clientToken: nil)
        let renamed = try engine.update(
            typeName: "Custom::Demo::Widget", identifier: "w",
            patchDocument: #"[{"op":"replace","path":"/Name","value":"v"}]"#, clientToken: nil)
        #expect(renamed.errorCode == "NotUpdatable")
        #expect(renamed.statusMessage == "the patch changes the primary identifier (/properties/Name)")
        let resized = try engine.update(
            typeName: "Custom::Demo::Widget", identifier: "w",
            patchDocument: #"[{"op":"replace","path":"/Size","value":2}]"#, clientToken: nil)
        #expect(resized.operationStatus == .success)
        #expect(
            try engine.get(typeName: "Custom::Demo::Widget", identifier: "w").properties
                == #"{"Name":"w","Size":2}"#)
    }

    @Test func identifiersCompoundAndReadOnly() throws {
        // About identifiers: the metric filter's log group is not created.
        let engine = try Support.engine(references: false)
        let filter = try engine.create(
            typeName: "AWS::Logs::MetricFilter",
            desiredState:
                #"{"LogGroupName":"/g","FilterName":"f","FilterPattern":"ERROR","MetricTransformations":[{"MetricName":"E","MetricNamespace":"N","MetricValue":"1"}]}"#,
            clientToken: nil)
        #expect(filter.identifier == "/g|f")
        #expect(try engine.get(typeName: "AWS::Logs::MetricFilter", identifier: "/g|f").identifier == "/g|f")
        let vpc = try engine.create(
            typeName: "AWS::EC2::VPC", desiredState: #"{"CidrBlock":"10.0.0.0/16"}"#, clientToken: nil)
        #expect((vpc.identifier ?? "").hasPrefix("vpc-"))
        #expect((vpc.identifier ?? "").count == 21)
        #expect((vpc.identifier ?? "").dropFirst(4).allSatisfy { $0.isHexDigit })
        let key = try engine.create(typeName: "AWS::KMS::Key", desiredState: "{}", clientToken: nil)
        #expect((key.identifier ?? "").split(separator: "-").map(\.count) == [8, 4, 4, 4, 12])
        let keyModel = try Support.json(
            try engine.get(typeName: "AWS::KMS::Key", identifier: key.identifier ?? "").properties)
        #expect(keyModel["Arn"] == .string("arn:aws:kms:us-east-1:123456789012:key/\(key.identifier ?? "")"))
        // A name is generated when the optional name property is omitted.
        let bucket = try engine.create(typeName: "AWS::S3::Bucket", desiredState: "{}", clientToken: nil)
        #expect((bucket.identifier ?? "").hasPrefix("ccs-bucket-"))
        let bucketModel = try Support.json(
            try engine.get(typeName: "AWS::S3::Bucket", identifier: bucket.identifier ?? "").properties)
        #expect(bucketModel["Arn"] == .string("arn:aws:s3:::\(bucket.identifier ?? "")"))
        #expect(bucketModel["BucketName"] == .string(bucket.identifier ?? ""))
    }

    @Test func writeOnlyPropertiesAreStoredButNeverReturned() throws {
        let engine = try Support.engine()
        let schema = try #require(try Support.registry.schema(for: "AWS::KMS::Key"))
        #expect(schema.writeOnlyProperties.contains(PropertyPath(tokens: ["PendingWindowInDays"])))
        let created = try engine.create(
            typeName: "AWS::KMS::Key", desiredState: #"{"PendingWindowInDays":7}"#, clientToken: nil)
        #expect(try Support.json(try #require(created.resourceModel))["PendingWindowInDays"] == nil)
        let model = try Support.json(
            try engine.get(typeName: "AWS::KMS::Key", identifier: created.identifier ?? "").properties)
        #expect(model["PendingWindowInDays"] == nil)
        let stored = try #require(
            try engine.store.resource(typeName: "AWS::KMS::Key", identifier: created.identifier ?? "", in: engine.defaultPartition))
        #expect(stored.model["PendingWindowInDays"] == 7)
    }

    @Test func faultInjection() throws {
        let throttled = try Support.engine(faults: "failed-throttle=1")
        let event = try throttled.create(
            typeName: "AWS::Logs::LogGroup", desiredState: #"{"LogGroupName":"/t"}"#, clientToken: nil)
        #expect(event.operationStatus == .failed)
        #expect(event.errorCode == "Throttling")

        let clock = ManualClock()
        let eventual = try Support.engine(faults: "notfound-after-create=1,notfound-window=3", clock: clock)
        _ = try eventual.create(
            typeName: "AWS::Logs::LogGroup", desiredState: #"{"LogGroupName":"/e"}"#, clientToken: nil)
        expectLocalError("ResourceNotFoundException") {
            _ = try eventual.get(typeName: "AWS::Logs::LogGroup", identifier: "/e")
        }
        clock.advance(3)
        #expect(try eventual.get(typeName: "AWS::Logs::LogGroup", identifier: "/e").identifier == "/e")
    }

    @Test func faultSpecParsing() throws {
        let plan = try FaultPlan(
            spec: "throttle=0.2, 5xx=0.05,drop=0.05,failed-throttle=0.05,notfound-after-create=0.1,seed=7")
        #expect(plan.throttle == 0.2)
        #expect(plan.serverError == 0.05)
        #expect(plan.drop == 0.05)
        #expect(plan.failedThrottle == 0.05)
        #expect(plan.notFoundAfterCreate == 0.1)
        #expect(plan.seed == 7)
        #expect(plan.isActive)
        #expect(try FaultPlan(spec: "") == .none)
        #expect(try FaultPlan(spec: "none") == .none)
        #expect(throws: FaultPlanError(entry: "throttle=2", message: "a rate must be between 0 and 1")) {
            try FaultPlan(spec: "throttle=2")
        }
        #expect(throws: FaultPlanError.self) { try FaultPlan(spec: "bogus=0.1") }
        #expect(throws: FaultPlanError.self) { try FaultPlan(spec: "throttle") }
    }
}
