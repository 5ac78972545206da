using System;
using System.IO;
using System.Text;

namespace Sharpless.Deployment
{
    /// <summary>
    /// The stamp the package's targets compare with to skip the template step (buildTransitive/Sharpless.targets): the
    /// hash of the tool and its arguments, then the files this run read the template through. Written after a run
    /// without warnings only, and removed after one with warnings, so the next build runs the step and shows them again.
    /// </summary>
    internal static class TemplateStamp
    {
        public static void Write(string stampPath, string key, string? templatePath, string toolsDefaultsPath)
        {
            var text = new StringBuilder();
            text.Append("key ").Append(key).Append('\n');
            if (templatePath is not null && File.Exists(templatePath))
            {
                text.Append("file ").Append(Path.GetFullPath(templatePath)).Append('\n');
            }

            if (File.Exists(toolsDefaultsPath))
            {
                text.Append("file ").Append(Path.GetFullPath(toolsDefaultsPath)).Append('\n');
            }

            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(stampPath))!);
                File.WriteAllText(stampPath, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                // Without a stamp the step simply runs again on the next build.
            }
        }

        /// <summary>Removes the stamp after a run with warnings, so the next build runs the step and shows them again.</summary>
        public static void Delete(string stampPath)
        {
            try
            {
                File.Delete(stampPath);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                // A stamp that cannot be deleted could hide a warning on the next build; nothing more can be done here.
            }
        }
    }
}
