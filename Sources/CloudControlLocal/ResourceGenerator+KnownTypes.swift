import JSONCore

extension ResourceGenerator {
    typealias Rule = (inout Context) -> [String: JSONValue]

    /// Read-only properties in the formats the real services use, per type. Keys a schema
    /// does not declare are dropped by the caller.
    static let knownTypes: [String: Rule] = [
        "AWS::S3::Bucket": { c in
            [
                "Arn": .string("arn:aws:s3:::\(c.name)"),
                "DomainName": .string("\(c.name).s3.amazonaws.com"),
                "DualStackDomainName": .string("\(c.name).s3.dualstack.\(c.region).amazonaws.com"),
                "RegionalDomainName": .string("\(c.name).s3.\(c.region).amazonaws.com"),
                "WebsiteURL": .string("http://\(c.name).s3-website-\(c.region).amazonaws.com"),
            ]
        },
        "AWS::Logs::LogGroup": { c in ["Arn": .string(c.arn("logs", "log-group:\(c.name):*"))] },
        "AWS::SQS::Queue": { c in
            [
                "QueueUrl": .string("https://sqs.\(c.region).amazonaws.com/\(c.account)/\(c.name)"),
                "Arn": .string(c.arn("sqs", c.name)),
            ]
        },
        "AWS::SNS::Topic": { c in ["TopicArn": .string(c.arn("sns", c.name))] },
        "AWS::SNS::Subscription": { c in
            ["Arn": .string("\(c.string("TopicArn") ?? c.arn("sns", "topic")):\(c.random.uuid())")]
        },
        "AWS::IAM::Role": { c in
            [
                "Arn": .string(c.arn("iam", "role\(c.string("Path") ?? "/")\(c.name)", regional: false)),
                "RoleId": .string("AROA" + c.random.string(17, from: "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")),
            ]
        },
        "AWS::IAM::User": { c in
            ["Arn": .string(c.arn("iam", "user\(c.string("Path") ?? "/")\(c.name)", regional: false))]
        },
        "AWS::IAM::InstanceProfile": { c in
            [
                "Arn": .string(
                    c.arn("iam", "instance-profile\(c.string("Path") ?? "/")\(c.name)", regional: false))
            ]
        },
        "AWS::IAM::ManagedPolicy": { c in
            [
                "PolicyArn": .string(
                    c.arn("iam", "policy\(c.string("Path") ?? "/")\(c.name)", regional: false)),
                "PolicyId": .string("ANPA" + c.random.string(17, from: "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")),
                "DefaultVersionId": "v1", "AttachmentCount": 0, "IsAttachable": true,
                "PermissionsBoundaryUsageCount": 0,
            ]
        },
        "AWS::DynamoDB::Table": { c in
            [
                "Arn": .string(c.arn("dynamodb", "table/\(c.name)")),
                "StreamArn": .string(c.arn("dynamodb", "table/\(c.name)/stream/2026-01-01T00:00:00.000")),
            ]
        },
        "AWS::Lambda::Function": { c in ["Arn": .string(c.arn("lambda", "function:\(c.name)"))] },
        "AWS::Lambda::Permission": { c in ["Id": .string(c.random.uuid())] },
        "AWS::EC2::VPC": { c in
            [
                "VpcId": .string("vpc-" + c.random.hex(17)),
                "DefaultNetworkAcl": .string("acl-" + c.random.hex(17)),
                "DefaultSecurityGroup": .string("sg-" + c.random.hex(17)),
                "CidrBlockAssociations": .array([.string("vpc-cidr-assoc-" + c.random.hex(17))]),
            ]
        },
        "AWS::EC2::Subnet": { c in
            [
                "SubnetId": .string("subnet-" + c.random.hex(17)),
                "NetworkAclAssociationId": .string("aclassoc-" + c.random.hex(17)),
            ]
        },
        "AWS::EC2::SecurityGroup": { c in
            let id = "sg-" + c.random.hex(17)
            return ["Id": .string(id), "GroupId": .string(id)]
        },
        "AWS::EC2::InternetGateway": { c in ["InternetGatewayId": .string("igw-" + c.random.hex(17))] },
        "AWS::EC2::RouteTable": { c in ["RouteTableId": .string("rtb-" + c.random.hex(17))] },
        "AWS::EC2::Route": { c in
            [
                "CidrBlock": .string(
                    c.string("DestinationCidrBlock") ?? c.string("DestinationIpv6CidrBlock") ?? "0.0.0.0/0")
            ]
        },
        "AWS::EC2::KeyPair": { c in
            [
                "KeyPairId": .string("key-" + c.random.hex(17)),
                "KeyFingerprint": .string((0..<20).map { _ in c.random.hex(2) }.joined(separator: ":")),
            ]
        },
        "AWS::KMS::Key": { c in
            let id = c.random.uuid()
            return ["KeyId": .string(id), "Arn": .string(c.arn("kms", "key/\(id)"))]
        },
        "AWS::SecretsManager::Secret": { c in
            [
                "Id": .string(
                    c.arn(
                        "secretsmanager",
                        "secret:\(c.name)-\(c.random.string(6, from: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"))"
                    ))
            ]
        },
        "AWS::ECR::Repository": { c in
            [
                "Arn": .string(c.arn("ecr", "repository/\(c.name)")),
                "RepositoryUri": .string("\(c.account).dkr.ecr.\(c.region).amazonaws.com/\(c.name)"),
            ]
        },
        "AWS::Events::Rule": { c in
            let bus = c.string("EventBusName").flatMap { $0 == "default" ? nil : $0 + "/" } ?? ""
            return ["Arn": .string(c.arn("events", "rule/\(bus)\(c.name)"))]
        },
        "AWS::Events::EventBus": { c in ["Arn": .string(c.arn("events", "event-bus/\(c.name)"))] },
        "AWS::StepFunctions::StateMachine": { c in
            let arn = c.arn("states", "stateMachine:\(c.name)")
            return ["Arn": .string(arn), "Name": .string(c.name), "StateMachineRevisionId": .string(arn)]
        },
        "AWS::StepFunctions::Activity": { c in ["Arn": .string(c.arn("states", "activity:\(c.name)"))] },
        "AWS::ApiGateway::RestApi": { c in
            [
                "RestApiId": .string(c.random.string(10, from: "abcdefghijklmnopqrstuvwxyz0123456789")),
                "RootResourceId": .string(c.random.string(10, from: "abcdefghijklmnopqrstuvwxyz0123456789")),
            ]
        },
        "AWS::ApiGateway::Resource": { c in
            ["ResourceId": .string(c.random.string(6, from: "abcdefghijklmnopqrstuvwxyz0123456789"))]
        },
        "AWS::ApiGateway::Deployment": { c in
            ["DeploymentId": .string(c.random.string(6, from: "abcdefghijklmnopqrstuvwxyz0123456789"))]
        },
        "AWS::EKS::Cluster": { c in
            let host = c.random.hex(32).uppercased()
            return [
                "Arn": .string(c.arn("eks", "cluster/\(c.name)")),
                "Endpoint": .string("https://\(host).gr7.\(c.region).eks.amazonaws.com"),
                "OpenIdConnectIssuerUrl": .string("https://oidc.eks.\(c.region).amazonaws.com/id/\(host)"),
                "ClusterSecurityGroupId": .string("sg-" + c.random.hex(17)),
                "CertificateAuthorityData": .string(
                    "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t" + c.random.hex(24)),
                "Id": .string(c.random.uuid()),
            ]
        },
        "AWS::EKS::Nodegroup": { c in
            let cluster = c.string("ClusterName") ?? ""
            return [
                "Id": .string("\(cluster)|\(c.name)"),
                "Arn": .string(c.arn("eks", "nodegroup/\(cluster)/\(c.name)/\(c.random.uuid())")),
            ]
        },
        "AWS::EKS::FargateProfile": { c in
            [
                "Arn": .string(
                    c.arn(
                        "eks", "fargateprofile/\(c.string("ClusterName") ?? "")/\(c.name)/\(c.random.uuid())")
                )
            ]
        },
        "AWS::EKS::Addon": { c in
            [
                "Arn": .string(
                    c.arn("eks", "addon/\(c.string("ClusterName") ?? "")/\(c.name)/\(c.random.uuid())"))
            ]
        },
        "AWS::CloudWatch::Alarm": { c in ["Arn": .string(c.arn("cloudwatch", "alarm:\(c.name)"))] },
        "AWS::ECS::Cluster": { c in ["Arn": .string(c.arn("ecs", "cluster/\(c.name)"))] },
        "AWS::ECS::TaskDefinition": { c in
            ["TaskDefinitionArn": .string(c.arn("ecs", "task-definition/\(c.string("Family") ?? c.name):1"))]
        },
        "AWS::Kinesis::Stream": { c in ["Arn": .string(c.arn("kinesis", "stream/\(c.name)"))] },
    ]
}
