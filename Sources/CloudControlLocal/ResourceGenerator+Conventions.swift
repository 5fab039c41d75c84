import Foundation
import JSONCore

/// The naming conventions of the services, for read-only values the schemas leave unpatterned
/// (most EC2 ids are plain `"type": "string"`). Sources: the EC2 API reference's resource id
/// formats (a prefix, a hyphen and 17 hexadecimal digits since 2018), the ARN formats of each
/// service's "Actions, resources, and condition keys" page, and the examples in the schemas'
/// own descriptions (AWS::EC2::Instance: `ec2-107-20-50-45.compute-1.amazonaws.com`). The table
/// of what is covered is in docs/EMULATOR.md.
extension ResourceGenerator {
    /// Read-only properties named like an EC2, EFS or other id, in any type, and their prefix.
    static let idPrefixes: [String: String] = [
        "InstanceId": "i", "AllocationId": "eipalloc", "NatGatewayId": "nat", "LaunchTemplateId": "lt",
        "VolumeId": "vol", "NetworkInterfaceId": "eni", "VpcId": "vpc", "SubnetId": "subnet",
        "GroupId": "sg", "SecurityGroupId": "sg", "RouteTableId": "rtb", "InternetGatewayId": "igw",
        "NetworkAclId": "acl", "TransitGatewayId": "tgw", "VpcEndpointId": "vpce", "ImageId": "ami",
        "SnapshotId": "snap", "KeyPairId": "key", "PrefixListId": "pl", "FileSystemId": "fs",
        "AccessPointId": "fsap", "MountTargetId": "fsmt", "DefaultSecurityGroup": "sg",
        "DefaultNetworkAcl": "acl", "EgressOnlyInternetGatewayId": "eigw", "DhcpOptionsId": "dopt",
        "CustomerGatewayId": "cgw", "VPNGatewayId": "vgw", "VpnGatewayId": "vgw",
        "VpnConnectionId": "vpn", "FlowLogId": "fl", "TransitGatewayAttachmentId": "tgw-attach",
        "TransitGatewayRouteTableId": "tgw-rtb", "VpcPeeringConnectionId": "pcx",
        "CapacityReservationId": "cr", "PlacementGroupId": "pg", "CarrierGatewayId": "cagw",
        "LocalGatewayRouteTableId": "lgw-rtb", "IpamId": "ipam", "IpamPoolId": "ipam-pool",
        "IpamScopeId": "ipam-scope", "NetworkInsightsPathId": "nip", "TrafficMirrorFilterId": "tmf",
        "TrafficMirrorSessionId": "tms", "TrafficMirrorTargetId": "tmt", "ClientVpnEndpointId": "cvpn-endpoint",
        "EIPAssociationId": "eipassoc", "AssociationId": "rtbassoc",
    ]

    /// The prefix of a type's own id when its schema calls it `Id`.
    static let typeIdPrefixes: [String: String] = [
        "AWS::EC2::SubnetRouteTableAssociation": "rtbassoc", "AWS::EC2::SubnetNetworkAclAssociation": "aclassoc",
        "AWS::EC2::VPCCidrBlock": "vpc-cidr-assoc", "AWS::EC2::SecurityGroupIngress": "sgr",
        "AWS::EC2::SecurityGroupEgress": "sgr", "AWS::EC2::NetworkAclEntry": "acl",
        "AWS::EC2::VPNConnectionRoute": "vpn", "AWS::EC2::VPCEndpoint": "vpce",
        "AWS::EC2::EIPAssociation": "eipassoc", "AWS::EC2::TransitGatewayAttachment": "tgw-attach",
        "AWS::EC2::TransitGatewayRouteTable": "tgw-rtb", "AWS::EC2::VPCPeeringConnection": "pcx",
        "AWS::EC2::VPCGatewayAttachment": "igw", "AWS::EC2::FlowLog": "fl",
        "AWS::EC2::DHCPOptions": "dopt", "AWS::EC2::CustomerGateway": "cgw", "AWS::EC2::VPNGateway": "vgw",
        "AWS::EC2::VPNConnection": "vpn", "AWS::EC2::CapacityReservation": "cr",
        "AWS::EC2::EgressOnlyInternetGateway": "eigw", "AWS::EC2::SpotFleet": "sfr",
        "AWS::EC2::PlacementGroup": "pg",
    ]

    /// ARN service names that differ from the type's service segment.
    static let arnServices: [String: String] = [
        "elasticloadbalancingv2": "elasticloadbalancing", "efs": "elasticfilesystem",
        "stepfunctions": "states", "certificatemanager": "acm", "cognito": "cognito-idp",
        "elasticsearch": "es", "opensearchservice": "es", "kinesisfirehose": "firehose",
        "eventschemas": "schemas", "kinesisanalyticsv2": "kinesisanalytics", "apigatewayv2": "apigateway",
        "logs": "logs", "msk": "kafka", "docdb": "rds", "neptune": "rds", "dax": "dax",
        "elasticbeanstalk": "elasticbeanstalk", "sso": "sso", "wafv2": "wafv2",
    ]

    /// A private address in 10.0.0.0/16 (the CIDR of the VPCs the examples create) and a public
    /// one in a range EC2 hands out.
    static func privateAddress(_ random: inout SeededRandom) -> String {
        "10.0.\(random.int(below: 256)).\(4 + random.int(below: 250))"
    }

    static func publicAddress(_ random: inout SeededRandom) -> String {
        "54.\(random.int(below: 256)).\(random.int(below: 256)).\(1 + random.int(below: 254))"
    }

    /// The value a convention gives a read-only property by its name alone, or nil.
    static func conventional(_ key: String, typeName: String, resource: String, context: inout Context)
        -> JSONValue?
    {
        if let prefix = idPrefixes[key] { return .string("\(prefix)-\(context.random.hex(17))") }
        if key == "Id", let prefix = typeIdPrefixes[typeName] {
            return .string("\(prefix)-\(context.random.hex(17))")
        }
        switch key {
        case "PrivateIp", "PrivateIpAddress", "PrimaryPrivateIpAddress":
            return .string(privateAddress(&context.random))
        case "PublicIp", "PublicIpAddress":
            return .string(publicAddress(&context.random))
        case "PrivateDnsName":
            let ip = context.string("PrivateIp") ?? privateAddress(&context.random)
            let zone = context.region == "us-east-1" ? "ec2.internal" : "\(context.region).compute.internal"
            return .string("ip-\(ip.replacingDots()).\(zone)")
        case "PublicDnsName":
            let ip = context.string("PublicIp") ?? publicAddress(&context.random)
            let zone = context.region == "us-east-1" ? "compute-1" : "\(context.region).compute"
            return .string("ec2-\(ip.replacingDots()).\(zone).amazonaws.com")
        case "AvailabilityZone": return .string(context.region + "a")
        case "CreationTime", "CreatedTime", "CreationDate", "CreatedAt", "CreateTime", "CreationTimestamp",
            "LastModifiedTime", "LastUpdatedTime", "LastModified", "UpdatedAt":
            return .string(context.timestamp)
        default: return nil
        }
    }

    /// Per-type rules for the services whose read-only values are compound (endpoints, name
    /// servers, ARNs with a service name unlike the type's, ids with their own alphabet).
    static let conventionTypes: [String: Rule] = [
        "AWS::EC2::Instance": { c in
            let privateIp = privateAddress(&c.random)
            c.model["PrivateIp"] = .string(privateIp)
            return [
                "InstanceId": .string("i-\(c.random.hex(17))"), "PrivateIp": .string(privateIp),
                "VpcId": .string("vpc-\(c.random.hex(17))"),
                "State": .object(["Code": "16", "Name": "running"]),
            ]
        },
        "AWS::EC2::EIP": { c in
            ["AllocationId": .string("eipalloc-\(c.random.hex(17))"), "PublicIp": .string(publicAddress(&c.random))]
        },
        "AWS::EC2::NatGateway": { c in ["NatGatewayId": .string("nat-\(c.random.hex(17))")] },
        "AWS::EC2::LaunchTemplate": { c in
            ["LaunchTemplateId": .string("lt-\(c.random.hex(17))"), "LatestVersionNumber": "1", "DefaultVersionNumber": "1"]
        },
        "AWS::EC2::Volume": { c in ["VolumeId": .string("vol-\(c.random.hex(17))")] },
        "AWS::EFS::FileSystem": { c in
            let id = "fs-\(c.random.hex(17))"
            return ["FileSystemId": .string(id), "Arn": .string(c.arn("elasticfilesystem", "file-system/\(id)"))]
        },
        "AWS::EFS::AccessPoint": { c in
            let id = "fsap-\(c.random.hex(17))"
            return ["AccessPointId": .string(id), "Arn": .string(c.arn("elasticfilesystem", "access-point/\(id)"))]
        },
        "AWS::EFS::MountTarget": { c in
            ["Id": .string("fsmt-\(c.random.hex(17))"), "IpAddress": .string(privateAddress(&c.random))]
        },
        "AWS::Route53::HostedZone": { c in
            let id = "Z" + c.random.string(20, from: "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
            // Four name servers, one per top-level domain, as Route 53 assigns a delegation set.
            let servers = [".com", ".net", ".org", ".co.uk"].map { tld in
                JSONValue.string("ns-\(c.random.int(below: 2048)).awsdns-\(10 + c.random.int(below: 54))\(tld)")
            }
            return ["Id": .string(id), "NameServers": .array(servers)]
        },
        "AWS::RDS::DBInstance": { c in
            let port = (c.string("Engine") ?? "").hasPrefix("postgres") ? "5432" : "3306"
            let host = "\(c.name.lowercased()).\(c.random.string(12, from: "abcdefghijklmnopqrstuvwxyz0123456789")).\(c.region).rds.amazonaws.com"
            return [
                "Endpoint": .object(["Address": .string(host), "Port": .string(port), "HostedZoneId": "Z2R2ITUGPM61AM"]),
                "DBInstanceArn": .string(c.arn("rds", "db:\(c.name)")),
                "DbiResourceId": .string("db-" + c.random.string(26, from: "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")),
                "DBInstanceStatus": "available",
            ]
        },
        "AWS::RDS::DBCluster": { c in
            let suffix = c.random.string(12, from: "abcdefghijklmnopqrstuvwxyz0123456789")
            let port = (c.string("Engine") ?? "").contains("postgres") ? "5432" : "3306"
            let name = c.name.lowercased()
            return [
                "Endpoint": .object([
                    "Address": .string("\(name).cluster-\(suffix).\(c.region).rds.amazonaws.com"), "Port": .string(port),
                ]),
                "ReadEndpoint": .object(["Address": .string("\(name).cluster-ro-\(suffix).\(c.region).rds.amazonaws.com")]),
                "DBClusterArn": .string(c.arn("rds", "cluster:\(c.name)")),
                "DBClusterResourceId": .string("cluster-" + c.random.string(26, from: "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")),
            ]
        },
        "AWS::ElasticLoadBalancingV2::LoadBalancer": { c in
            let kind = c.string("Type") == "network" ? "net" : (c.string("Type") == "gateway" ? "gwy" : "app")
            let full = "\(kind)/\(c.name)/\(c.random.hex(16))"
            let dns = "\(c.name)-\(1_000_000_000 + c.random.int(below: 999_999_999)).\(c.region).elb.amazonaws.com"
            return [
                "LoadBalancerArn": .string(c.arn("elasticloadbalancing", "loadbalancer/\(full)")),
                "LoadBalancerFullName": .string(full), "LoadBalancerName": .string(c.name),
                "DNSName": .string(dns), "CanonicalHostedZoneID": "Z35SXDOTRQ7X7K",
            ]
        },
        "AWS::ElasticLoadBalancingV2::TargetGroup": { c in
            let full = "targetgroup/\(c.name)/\(c.random.hex(16))"
            return [
                "TargetGroupArn": .string(c.arn("elasticloadbalancing", full)),
                "TargetGroupFullName": .string(full), "TargetGroupName": .string(c.name),
            ]
        },
        "AWS::ElasticLoadBalancingV2::Listener": { c in
            let balancer = c.string("LoadBalancerArn").map { $0.replacingOccurrences(of: ":loadbalancer/", with: ":listener/") }
                ?? c.arn("elasticloadbalancing", "listener/app/lb/\(c.random.hex(16))")
            return ["ListenerArn": .string("\(balancer)/\(c.random.hex(16))")]
        },
        "AWS::CloudFront::Distribution": { c in
            [
                "Id": .string("E" + c.random.string(13, from: "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")),
                "DomainName": .string("d" + c.random.string(13, from: "abcdefghijklmnopqrstuvwxyz0123456789") + ".cloudfront.net"),
            ]
        },
    ]
}

extension String {
    /// `10.0.1.2` → `10-0-1-2`, as EC2 spells addresses in DNS names.
    fileprivate func replacingDots() -> String { replacingOccurrences(of: ".", with: "-") }
}
