using System.Globalization;
using System.Security.Cryptography;
using SmartCity.Portal.Common;
using SmartCity.Portal.Forms;

namespace SmartCity.Portal.Attachments;

/// <summary>What arrived in a temp file: its length, its SHA-256 (lower-case hex) and the kind its first bytes show.</summary>
internal sealed record ReceivedFile(long Length, string Sha256, FileKind? Kind);

/// <summary>
/// One folder of uploaded files under the data directory (evidence, campaign documents): files arrive
/// in <c>tmp/</c> with a running hash and a hard size limit, then move to <c>&lt;owner id&gt;/&lt;server name&gt;</c>
/// together with their database row. Nothing a user typed is ever part of a path.
/// </summary>
internal sealed class FileStore(string root)
{
    public const int CopyBufferBytes = 81920;

    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>A fresh temp path in <c>tmp/</c>; the caller deletes it in a <c>finally</c> (gone already once moved in).</summary>
    public string NewTempPath()
    {
        var directory = Path.Combine(Root, "tmp");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, Guid.NewGuid().ToString("N") + ".part");
    }

    /// <summary>Streams the upload into <paramref name="tempPath"/>: one byte over the limit is a 413, an empty file a 422.</summary>
    public static async Task<ReceivedFile> ReceiveAsync(Stream content, string tempPath, long maxBytes, CancellationToken cancellationToken)
    {
        await using var temp = new FileStream(tempPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, CopyBufferBytes, FileOptions.Asynchronous);
        var (length, sha256) = await CopyHashedAsync(content, temp, maxBytes, cancellationToken);
        if (length == 0)
        {
            throw new PortalValidationException(AttachmentMessages.Empty);
        }

        return new ReceivedFile(length, sha256, FileSniffer.Sniff(temp));
    }

    /// <summary>Where a stored file lives: <c>&lt;root&gt;/&lt;owner id&gt;/&lt;stored name&gt;</c>, checked to stay inside the root.</summary>
    public string PathOf(int ownerId, string storedName) =>
        InsideRoot(Path.Combine(Root, ownerId.ToString(CultureInfo.InvariantCulture), storedName));

    /// <summary>Moves the received file to its place, then saves its row; if the row cannot be saved the file goes too.</summary>
    public static async Task MoveInAsync(string tempPath, string finalPath, Func<Task> saveRow)
    {
        ArgumentNullException.ThrowIfNull(saveRow);
        Directory.CreateDirectory(Path.GetDirectoryName(finalPath)!);
        File.Move(tempPath, finalPath);
        try
        {
            await saveRow();
        }
        catch
        {
            // A file without its row would be invisible and never cleaned up.
            File.Delete(finalPath);
            throw;
        }
    }

    /// <summary>The stored file for download, or <paramref name="notFound"/> when it is gone from disk.</summary>
    public static FileStream OpenRead(string path, PortalMessage notFound) =>
        File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, CopyBufferBytes, FileOptions.Asynchronous | FileOptions.SequentialScan)
            : throw new PortalNotFoundException(notFound);

    /// <summary>Copies at most <paramref name="limit"/> bytes, hashing on the way; one byte more and the upload is refused.</summary>
    internal static async Task<(long Length, string Sha256)> CopyHashedAsync(Stream source, Stream target, long limit, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[CopyBufferBytes];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > limit)
            {
                throw new AttachmentTooLargeException(AttachmentMessages.TooLarge(limit));
            }

            hash.AppendData(buffer, 0, read);
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        await target.FlushAsync(cancellationToken);
        return (total, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    // Stored names are server-made, so this never fails in practice: it is the guard that keeps
    // it so if a future change lets anything else into the path.
    private string InsideRoot(string path)
    {
        var full = Path.GetFullPath(path);
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("A stored file's path left its folder.");
        }

        return full;
    }
}
