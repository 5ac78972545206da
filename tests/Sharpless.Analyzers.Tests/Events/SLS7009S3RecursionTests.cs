using Sharpless.Events;
using Sharpless.TestKit;

namespace Sharpless.Analyzers.Tests.Events;

/// <summary>SLS7009: an [S3Event] function that writes into the bucket that triggers it, past its trigger's filters.</summary>
public sealed class SLS7009S3RecursionTests
{
    private const string Usings = """
        using System.IO;
        using System.Threading.Tasks;
        using Amazon.S3;
        using Amazon.S3.Model;
        using Amazon.S3.Transfer;
        using Sharpless;
        using Sharpless.Events;

        namespace Thumbnails;

        """;

    private static ProjectBuilder Project(string code) =>
        new ProjectBuilder()
            .WithReference(typeof(Amazon.S3.AmazonS3Client).Assembly)
            .WithReference(typeof(Amazon.Runtime.AmazonServiceClient).Assembly)
            .WithSourceCode(Usings + code)
            .WithAnalyzer<S3RecursionAnalyzer>();

    [Fact]
    public Task WritingToTheTriggeringBucketWithoutAFilter_IsReported() => Project("""
        public sealed class Resizer(IAmazonS3 s3)
        {
            [S3Event("@Images")]
            public async Task Resize(S3ObjectEvent image)
            {
                await s3.PutObjectAsync(new PutObjectRequest { BucketName = [|image.Bucket|], Key = "thumbnails/" + image.Key, InputStream = Stream.Null });
            }
        }
        """)
        .ShouldReportDiagnosticWithMessage("'Resize' writes an object to the bucket that triggers it (image.Bucket) and its trigger has no prefix or suffix filter; every object it writes invokes it again, a recursive loop")
        .ValidateAsync();

    [Fact]
    public Task AKeyInsideThePrefixFilter_ThroughALocalOrACopyOrATransferUpload_IsReported() => Project("""
        public sealed class Resizer(IAmazonS3 s3, ITransferUtility transfer)
        {
            [S3Event("@Images", Prefix = "uploads/")]
            public async Task Resize(S3ObjectEvent image)
            {
                var bucket = image.Bucket;
                await s3.PutObjectAsync(new PutObjectRequest { BucketName = {|SLS7009:bucket|}, Key = $"uploads/small/{image.Key}" });
                await s3.CopyObjectAsync(new CopyObjectRequest { SourceBucket = image.Bucket, SourceKey = image.Key, DestinationBucket = {|SLS7009:image.Bucket|}, DestinationKey = "uploads/copy.png" });
                await transfer.UploadAsync(Stream.Null, {|SLS7009:image.Bucket|}, "uploads/" + image.Key);
            }
        }
        """).ValidateAsync();

    [Fact]
    public Task AKeyOutsideTheFilters_AnotherBucket_OrAKeyThatCannotBeKnown_IsQuiet() => Project("""
        public sealed class Resizer(IAmazonS3 s3)
        {
            [S3Event("@Images", Prefix = "uploads/", Suffix = ".jpg")]
            public async Task Resize(S3ObjectEvent image, string target)
            {
                await s3.PutObjectAsync(new PutObjectRequest { BucketName = image.Bucket, Key = "thumbnails/" + image.Key });
                await s3.PutObjectAsync(new PutObjectRequest { BucketName = image.Bucket, Key = "uploads/" + image.Key + ".png" });
                await s3.PutObjectAsync(new PutObjectRequest { BucketName = image.Bucket, Key = target });
                await s3.PutObjectAsync(new PutObjectRequest { BucketName = image.Bucket + "-resized", Key = "uploads/a.jpg" });
                await s3.PutObjectAsync(new PutObjectRequest { BucketName = "thumbnails-bucket", Key = image.Key });
            }

            [S3Event("@Images", Suffix = ".jpg")]
            public Task Other(S3ObjectEvent image) => s3.PutObjectAsync(new PutObjectRequest { BucketName = image.Bucket, Key = image.Key + ".json" });

            // Not S3-triggered: writing back is its job.
            public Task NotATrigger(S3ObjectEvent image) => s3.PutObjectAsync(new PutObjectRequest { BucketName = image.Bucket, Key = image.Key });
        }
        """).ValidateAsync();

    [Fact]
    public Task ASuffixFilterTheKeyMatches_IsReported() => Project("""
        public sealed class Converter(IAmazonS3 s3)
        {
            [S3Event("@Documents", Suffix = ".pdf")]
            public Task Convert(S3ObjectEvent document) =>
                s3.PutObjectAsync(new PutObjectRequest { BucketName = [|document.Bucket|], Key = $"converted/{document.Key}.pdf" });
        }
        """)
        .ShouldReportDiagnosticWithMessage("'Convert' writes an object to the bucket that triggers it (document.Bucket) under a key that ends with the trigger's suffix '.pdf'; every object it writes invokes it again, a recursive loop")
        .ValidateAsync();
}
