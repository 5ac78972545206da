namespace Sharpless.Analyzers.Tests.Templates;

/// <summary>
/// Deployment files in the shapes public .NET Lambda projects use (written for these tests): a SAM template like the
/// aws-samples serverless .NET demos, a Lambda Annotations serverless.template, and the aws-lambda-tools-defaults.json
/// that <c>dotnet new lambda.*</c> writes.
/// </summary>
internal static class SampleTemplates
{
    public const string SamYaml = """
        AWSTemplateFormatVersion: '2010-09-09'
        Transform: AWS::Serverless-2016-10-31
        Description: >
          Products API: .NET 8 functions behind an HTTP API,
          DynamoDB for storage and an RDS Proxy for reports.

        # Parameters first; CI overrides Stage.
        Parameters:
          Stage:
            Type: String
            Default: &defaultStage dev
            AllowedValues: [dev, prod]   # flow sequence
          MemorySize:
            Type: Number
            Default: 1024
          VpcSubnets:
            Type: List<AWS::EC2::Subnet::Id>
            Description: "Private subnets for the report function"

        Conditions:
          IsProd: !Equals [!Ref Stage, prod]
          UseSnapStart: !Not
            - !Equals [!Ref Stage, dev]

        Globals:
          Function:
            Runtime: dotnet8
            MemorySize: !Ref MemorySize
            Timeout: 29 # API Gateway's integration limit
            Architectures:
              - arm64
            Tracing: Active
            Environment:
              Variables:
                TABLE_NAME: !Ref ProductsTable
                POWERTOOLS_SERVICE_NAME: products
                LOG_LEVEL: !If [IsProd, Warning, Debug]
            VpcConfig:
              SecurityGroupIds:
                - !Ref FunctionSecurityGroup

        Resources:
          ProductsTable:
            Type: AWS::DynamoDB::Table
            Properties:
              BillingMode: PAY_PER_REQUEST
              AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
              KeySchema:
              - AttributeName: id
                KeyType: HASH
              Tags: {Stage: *defaultStage}

          GetProductFunction:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: ./src/Products/
              Handler: Products::Products.Functions.GetProduct::Handle
              AutoPublishAlias: live
              SnapStart:
                ApplyOn: PublishedVersions
              Environment:
                Variables:
                  LOG_LEVEL: Information   # overrides Globals
                  CACHE_SECONDS: "30"
              Events:
                Api:
                  Type: HttpApi
                  Properties:
                    Path: /products/{id}
                    Method: GET
              Policies:
                - DynamoDBReadPolicy:
                    TableName: !Ref ProductsTable

          PutProductFunction:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: ./src/Products/
              Handler: 'Products::Products.Functions.PutProduct::Handle'
              MemorySize: 512
              Events:
                Api:
                  Type: HttpApi
                  Properties: &putRoute
                    Path: /products/{id}
                    Method: PUT
                ApiV2:
                  Type: HttpApi
                  Properties:
                    <<: *putRoute
                    Path: /v2/products/{id}

          ReportFunction:
            Type: AWS::Serverless::Function
            Properties:
              Handler: Reports::Reports.Function::Handle
              Timeout: 60
              VpcConfig:
                SubnetIds: !Ref VpcSubnets
                SecurityGroupIds: [!GetAtt ReportSecurityGroup.GroupId]
              Environment:
                Variables:
                  PROXY_ENDPOINT: !GetAtt ReportProxy.Endpoint
                  CONNECTION: !Sub |
                    Host=${ReportProxy.Endpoint};Port=5432;
                    Database=reports;Username=${DbUser}
                  QUEUE_URL: !Sub
                    - "https://sqs.${AWS::Region}.amazonaws.com/${AWS::AccountId}/${Name}"
                    - Name: !GetAtt [ReportQueue, QueueName]

          ReportProxy:
            Type: AWS::RDS::DBProxy
            Properties:
              DBProxyName: !Sub "${AWS::StackName}-reports"
              EngineFamily: POSTGRESQL
              RoleArn: !GetAtt ProxyRole.Arn
              VpcSubnetIds:
                - !Ref PrivateSubnetA
                - !Ref PrivateSubnetB
              Auth:
                - AuthScheme: SECRETS
                  SecretArn: !Ref DbSecret
                  IAMAuth: DISABLED

          LegacyFunction:
            Type: AWS::Lambda::Function
            Condition: IsProd
            Properties:
              Handler: Legacy::Legacy.Function::Run
              Runtime: dotnet8
              Role: !GetAtt LegacyRole.Arn
              Code:
                S3Bucket: !ImportValue artifacts-bucket
                S3Key: legacy.zip
              SnapStart:
                ApplyOn: PublishedVersions
              VpcConfig:
                SubnetIds:
                  - subnet-0a1b2c3d
                  - subnet-4e5f6a7b
                SecurityGroupIds:
                  - sg-0123456789abcdef0

          # The network the report function and the proxy share.
          Vpc:
            Type: AWS::EC2::VPC
            Properties:
              CidrBlock: 10.0.0.0/16
              EnableDnsHostnames: true

          PrivateSubnetA:
            Type: AWS::EC2::Subnet
            Properties:
              VpcId: !Ref Vpc
              CidrBlock: !Select [0, !Cidr [!GetAtt Vpc.CidrBlock, 4, 8]]
              AvailabilityZone: !Select
                - 0
                - !GetAZs ''

          PrivateSubnetB:
            Type: AWS::EC2::Subnet
            Properties:
              VpcId: !Ref Vpc
              CidrBlock: !Select [1, !Cidr [!GetAtt Vpc.CidrBlock, 4, 8]]
              AvailabilityZone: !Select [1, !GetAZs ""]

          FunctionSecurityGroup:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: Lambda functions
              VpcId: !Ref Vpc
              SecurityGroupEgress:
                - {IpProtocol: "-1", CidrIp: 0.0.0.0/0}

        Outputs:
          ApiUrl:
            Description: "HTTP API endpoint"
            Value: !Sub "https://${ServerlessHttpApi}.execute-api.${AWS::Region}.amazonaws.com/"
          ProxyEndpoint:
            Value: !GetAtt [ReportProxy, Endpoint]
            Export:
              Name: !Join ['-', [!Ref 'AWS::StackName', proxy]]
        """;

    public const string AnnotationsJson = """
        {
          "AWSTemplateFormatVersion": "2010-09-09",
          "Transform": "AWS::Serverless-2016-10-31",
          "Description": "This template is partially managed by Amazon.Lambda.Annotations (v1.5.0.0).",
          "Parameters": {
            "Stage": { "Type": "String", "Default": "dev" }
          },
          "Resources": {
            "OrdersGetOrderGenerated": {
              "Type": "AWS::Serverless::Function",
              "Metadata": {
                "Tool": "Amazon.Lambda.Annotations",
                "SyncedEvents": [ "RootGet" ]
              },
              "Properties": {
                "Runtime": "dotnet8",
                "CodeUri": ".",
                "MemorySize": 512,
                "Timeout": 30,
                "Policies": [ "AWSLambdaBasicExecutionRole" ],
                "PackageType": "Zip",
                "Handler": "Orders::Orders.Functions_GetOrder_Generated::GetOrder",
                "SnapStart": { "ApplyOn": "None" },
                "Environment": {
                  "Variables": {
                    "PROXY_HOST": { "Fn::GetAtt": [ "OrdersProxy", "Endpoint" ] },
                    "STAGE": { "Ref": "Stage" },
                    "TOPIC": { "Fn::Sub": [ "arn:aws:sns:${AWS::Region}:${AWS::AccountId}:${T}", { "T": "orders" } ] }
                  }
                },
                "VpcConfig": {
                  "SubnetIds": { "Fn::Split": [ ",", { "Fn::ImportValue": "private-subnets" } ] },
                  "SecurityGroupIds": [ "sg-0123456789abcdef0" ]
                },
                "Events": {
                  "RootGet": {
                    "Type": "HttpApi",
                    "Properties": { "Path": "/orders/{id}", "Method": "GET" }
                  }
                }
              }
            },
            "OrdersProxy": {
              "Type": "AWS::RDS::DBProxy",
              "Properties": {
                "EngineFamily": "MYSQL",
                "VpcSubnetIds": { "Fn::Split": [ ",", { "Fn::ImportValue": "private-subnets" } ] }
              }
            }
          },
          "Outputs": {
            "ApiURL": {
              "Description": "API endpoint URL",
              "Value": { "Fn::Sub": "https://${ServerlessHttpApi}.execute-api.${AWS::Region}.amazonaws.com/" }
            }
          }
        }
        """;

    public const string ToolsDefaultsJson = """
        {
          "Information": [
            "This file provides default values for the deployment wizard inside Visual Studio and the AWS Lambda commands added to the .NET Core CLI.",
            "To learn more about the Lambda commands with the .NET Core CLI execute the following command at the command line in the project root directory.",
            "dotnet lambda help",
            "All the command line options for the Lambda command can be specified in this file."
          ],
          // deploy-function settings
          "profile": "default",
          "region": "eu-west-1",
          "configuration": "Release",
          "framework": "net8.0",
          "function-runtime": "dotnet8",
          "function-memory-size": 512,
          "function-timeout": "30",
          "function-handler": "Orders::Orders.Function::FunctionHandler",
          "function-subnets": "subnet-0a1b2c3d, subnet-4e5f6a7b",
          "function-security-groups": "sg-0123456789abcdef0",
          /* build settings */
          "msbuild-parameters": "--self-contained true",
          "template": "serverless.template",
        }
        """;
}
