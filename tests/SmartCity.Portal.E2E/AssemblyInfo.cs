// Each journey collection starts its own portal; running them one after another keeps a
// 2-core CI machine from timing out browser waits while two servers and browsers compete.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
