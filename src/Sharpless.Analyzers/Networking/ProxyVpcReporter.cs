using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Sharpless.Networking
{
    /// <summary>
    /// Decides what to report for one place that uses an RDS Proxy, given the functions that run it:
    /// SLS6001 (no VpcConfig), SLS6002 (no subnets or security groups), SLS6003 (no subnet shared with the proxy).
    /// Code every one of those functions runs is reported for each function that cannot reach the proxy; shared code
    /// (a helper, a repository, configuration) only when none of them can, because the functions that can may be the
    /// only ones calling it.
    /// </summary>
    internal static class ProxyVpcReporter
    {
        public static void Report(string subject, Location location, IReadOnlyList<ProxyUse> uses, bool eachRunsIt, Action<Diagnostic> report)
        {
            if (uses.Count == 0)
            {
                return;
            }

            var missing = new List<ProxyUse>();
            var incomplete = new List<ProxyUse>();
            var reachable = new List<ProxyUse>();
            foreach (var use in uses)
            {
                switch (use.Function.Vpc.State)
                {
                    case VpcState.None:
                        missing.Add(use);
                        break;
                    case VpcState.Incomplete:
                        incomplete.Add(use);
                        break;
                    default:
                        reachable.Add(use);
                        break;
                }
            }

            if (!eachRunsIt && reachable.Count > 0)
            {
                ReportSubnets(subject, location, reachable, requireAll: true, report);
                return;
            }

            if (missing.Count > 0)
            {
                report(Diagnostic.Create(
                    NetworkingRules.ProxyWithoutVpc, location, AdditionalLocations(missing, vpc: false), subject, Functions(missing, verb: true)));
            }

            if (incomplete.Count > 0)
            {
                report(Diagnostic.Create(
                    NetworkingRules.IncompleteVpcConfig, location, AdditionalLocations(incomplete, vpc: true), subject, Functions(incomplete, verb: false), incomplete[0].Function.Vpc.Missing));
            }

            ReportSubnets(subject, location, reachable, requireAll: false, report);
        }

        private static void ReportSubnets(string subject, Location location, List<ProxyUse> reachable, bool requireAll, Action<Diagnostic> report)
        {
            var disjoint = new List<(ProxyUse Use, Location? ProxySubnets)>();
            foreach (var use in reachable)
            {
                var proxySubnets = use.ProxySubnets(out var proxySubnetsLocation);
                var functionSubnets = use.Function.Vpc.Subnets;
                if (proxySubnets is not null && functionSubnets is not null && functionSubnets.IsComparableWith(proxySubnets) && !functionSubnets.Overlaps(proxySubnets))
                {
                    disjoint.Add((use, proxySubnetsLocation));
                }
            }

            if (disjoint.Count == 0 || (requireAll && disjoint.Count < reachable.Count))
            {
                return;
            }

            foreach (var (use, proxySubnets) in disjoint)
            {
                var locations = new List<Location>();
                AddIfSome(locations, use.Function.Vpc.Location);
                AddIfSome(locations, proxySubnets);
                AddIfSome(locations, use.ValueLocation);
                report(Diagnostic.Create(
                    NetworkingRules.ProxySubnetsNotShared, location, locations, subject, use.Proxy!.LogicalId, "function '" + use.Function.Name + "'"));
            }
        }

        private static IEnumerable<Location> AdditionalLocations(List<ProxyUse> uses, bool vpc)
        {
            var locations = new List<Location>();
            foreach (var use in uses)
            {
                if (vpc)
                {
                    AddIfSome(locations, use.Function.Vpc.Location);
                }

                foreach (var declaration in use.Function.Declarations)
                {
                    AddIfSome(locations, declaration);
                }

                AddIfSome(locations, use.ValueLocation);
            }

            return locations;
        }

        private static void AddIfSome(List<Location> locations, Location? location)
        {
            if (location is not null && location != Location.None && !locations.Contains(location))
            {
                locations.Add(location);
            }
        }

        /// <summary>"function 'A' has", "functions 'A' and 'B' have" (with <paramref name="verb"/>), else without the verb.</summary>
        private static string Functions(List<ProxyUse> uses, bool verb)
        {
            var names = new List<string>();
            foreach (var use in uses)
            {
                if (!names.Contains(use.Function.Name))
                {
                    names.Add(use.Function.Name);
                }
            }

            names.Sort(StringComparer.Ordinal);
            var text = new StringBuilder(names.Count == 1 ? "function " : "functions ");
            for (var i = 0; i < names.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(i == names.Count - 1 ? " and " : ", ");
                }

                text.Append('\'').Append(names[i]).Append('\'');
            }

            if (verb)
            {
                text.Append(names.Count == 1 ? " has" : " have");
            }

            return text.ToString();
        }
    }
}
