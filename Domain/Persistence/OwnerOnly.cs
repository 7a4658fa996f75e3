namespace ChatBot.Domain.Persistence;

/// <summary>
/// Files that hold people's data (the store, its journal, the logs, the media) are readable by the
/// service's own account only: directories 0700, files 0600. Nothing to do on Windows, where a
/// new file inherits the folder's access list.
/// </summary>
public static class OwnerOnly
{
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Creates <paramref name="path"/> (and missing parents) as 0700. A folder that already exists
    /// keeps its mode: the operator may have made it on purpose (a shared volume, say).
    /// </summary>
    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        if (!Directory.Exists(path))
        {
            Directory.CreateDirectory(path, DirectoryMode);
            // The process umask may have taken bits away, never added them; set it exactly.
            File.SetUnixFileMode(path, DirectoryMode);
        }
    }

    /// <summary>Creates <paramref name="path"/> empty as 0600 when missing; takes group and other access away when it exists.</summary>
    public static void CreateFile(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        if (!File.Exists(path))
        {
            try
            {
                using var created = new FileStream(path, new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = FileMode });
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process (a second command beside the service) created it first.
            }
        }

        Restrict(path);
    }

    /// <summary>Takes group and other access away from <paramref name="path"/> if it exists.</summary>
    public static void Restrict(string path)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(path))
        {
            return;
        }

        var mode = File.GetUnixFileMode(path);
        if ((mode & ~(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute)) != 0)
        {
            File.SetUnixFileMode(path, mode & (UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
        }
    }
}
