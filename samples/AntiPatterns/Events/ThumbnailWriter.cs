using System.IO;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using Sharpless;
using Sharpless.Events;

namespace AntiPatterns.Events;

public sealed class ThumbnailWriter
{
    private static readonly IAmazonS3 S3 = new AmazonS3Client();

    // SLS7009: the thumbnail goes into the bucket whose uploads trigger this function, and the trigger has no prefix
    // or suffix filter, so every thumbnail triggers another one. Write to another bucket, or filter the trigger
    // (Prefix = "uploads/") and write outside it ("thumbnails/...").
    [S3Event("@UploadsBucket")]
    public static Task Resize(S3ObjectEvent upload) =>
        S3.PutObjectAsync(new PutObjectRequest { BucketName = upload.Bucket, Key = "thumbnails/" + upload.Key, InputStream = Stream.Null });
}
