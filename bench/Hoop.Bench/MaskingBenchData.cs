using System.Globalization;
using System.Text;

namespace Hoop.Bench;

/// <summary>Realistic bodies for the masking benchmarks: a pod list and a secret list of about 1 MB, a 10 MB log.</summary>
internal static class MaskingBenchData
{
    public const int OneMegabyte = 1024 * 1024;

    /// <summary>A pod list as the API server writes it (compact JSON, managedFields, statuses): nothing in it needs masking.</summary>
    public static byte[] PodList(int size = OneMegabyte)
    {
        var builder = new StringBuilder(size + 8192).Append("{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\"918273\"},\"items\":[");
        for (var i = 0; builder.Length < size; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append(Fill("""
                {"metadata":{"name":"web-7d9f8c6b5-§n","generateName":"web-7d9f8c6b5-","namespace":"shop","uid":"6b9d3e0a-1c2d-4e5f-8a9b-0c1d2e§n0a","resourceVersion":"§rv","creationTimestamp":"2025-11-26T18:46:25Z","labels":{"app":"web","pod-template-hash":"7d9f8c6b5","tier":"frontend"},"annotations":{"checksum/config":"4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945","prometheus.io/scrape":"true","prometheus.io/port":"9102"},"ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"web-7d9f8c6b5","uid":"0c1d2e3f-4a5b-6c7d-8e9f-0a1b2c3d4e5f","controller":true,"blockOwnerDeletion":true}],"managedFields":[{"manager":"kube-controller-manager","operation":"Update","apiVersion":"v1","time":"2025-11-26T18:46:25Z","fieldsType":"FieldsV1","fieldsV1":{"f:metadata":{"f:generateName":{},"f:labels":{".":{},"f:app":{},"f:pod-template-hash":{}},"f:ownerReferences":{".":{},"k:{\"uid\":\"0c1d2e3f-4a5b-6c7d-8e9f-0a1b2c3d4e5f\"}":{}}},"f:spec":{"f:containers":{"k:{\"name\":\"web\"}":{".":{},"f:env":{},"f:image":{},"f:name":{},"f:ports":{}}}}}}]},"spec":{"volumes":[{"name":"kube-api-access-§n","projected":{"sources":[{"serviceAccountToken":{"expirationSeconds":3607,"path":"token"}},{"configMap":{"name":"kube-root-ca.crt","items":[{"key":"ca.crt","path":"ca.crt"}]}}],"defaultMode":420}}],"containers":[{"name":"web","image":"registry.example.com/shop/web:1.25.3","ports":[{"name":"http","containerPort":8080,"protocol":"TCP"}],"env":[{"name":"LOG_LEVEL","value":"info"},{"name":"DB_HOST","value":"postgres.shop.svc.cluster.local"},{"name":"DB_PASSWORD","valueFrom":{"secretKeyRef":{"name":"db-creds","key":"password"}}}],"resources":{"limits":{"cpu":"500m","memory":"256Mi"},"requests":{"cpu":"100m","memory":"128Mi"}},"volumeMounts":[{"name":"kube-api-access-§n","readOnly":true,"mountPath":"/var/run/secrets/kubernetes.io/serviceaccount"}],"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","imagePullPolicy":"IfNotPresent"}],"restartPolicy":"Always","terminationGracePeriodSeconds":30,"dnsPolicy":"ClusterFirst","serviceAccountName":"default","serviceAccount":"default","nodeName":"aks-nodepool1-12345678-vmss000001","securityContext":{},"schedulerName":"default-scheduler","tolerations":[{"key":"node.kubernetes.io/not-ready","operator":"Exists","effect":"NoExecute","tolerationSeconds":300}],"priority":0,"enableServiceLinks":true,"preemptionPolicy":"PreemptLowerPriority"},"status":{"phase":"Running","conditions":[{"type":"Ready","status":"True","lastProbeTime":null,"lastTransitionTime":"2025-11-26T18:46:31Z"},{"type":"ContainersReady","status":"True","lastProbeTime":null,"lastTransitionTime":"2025-11-26T18:46:31Z"},{"type":"PodScheduled","status":"True","lastProbeTime":null,"lastTransitionTime":"2025-11-26T18:46:25Z"}],"hostIP":"10.224.0.§a","podIP":"10.244.§a.§b","podIPs":[{"ip":"10.244.§a.§b"}],"startTime":"2025-11-26T18:46:25Z","containerStatuses":[{"name":"web","state":{"running":{"startedAt":"2025-11-26T18:46:30Z"}},"lastState":{},"ready":true,"restartCount":0,"image":"registry.example.com/shop/web:1.25.3","imageID":"registry.example.com/shop/web@sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855","containerID":"containerd://3f786850e387550fdab836ed7e6dc881de23001b3f786850e387550fdab8§n","started":true}],"qosClass":"Burstable"}}
                """, i));
        }

        return Encoding.UTF8.GetBytes(builder.Append("]}").ToString());
    }

    /// <summary>A secret list: every data value is masked (the structural rule), with last-applied annotations.</summary>
    public static byte[] SecretList(int size = OneMegabyte)
    {
        var builder = new StringBuilder(size + 4096).Append("{\"kind\":\"SecretList\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\"918273\"},\"items\":[");
        for (var i = 0; builder.Length < size; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append(Fill("""
                {"metadata":{"name":"app-§n","namespace":"shop","uid":"6b9d3e0a-1c2d-4e5f-8a9b-0c1d2e§n0a","resourceVersion":"§rv","creationTimestamp":"2025-11-26T18:46:25Z","labels":{"app":"web"},"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"annotations\":{},\"name\":\"app-§n\",\"namespace\":\"shop\"},\"stringData\":{\"password\":\"Pa55w0rd-§n\"},\"type\":\"Opaque\"}\n"},"managedFields":[{"manager":"kubectl-client-side-apply","operation":"Update","apiVersion":"v1","time":"2025-11-26T18:46:25Z","fieldsType":"FieldsV1","fieldsV1":{"f:data":{".":{},"f:password":{},"f:username":{},"f:url":{}},"f:type":{}}}]},"data":{"password":"UGE1NXcwcmQte3tufX0=","username":"YWRtaW4=","url":"cG9zdGdyZXM6Ly9hcHA6UGE1NXcwcmRAZGIuc2hvcC5zdmM6NTQzMi9hcHA=","ca.crt":"LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJkakNDQVIyZ0F3SUJBZ0lCQURBS0JnZ3Foa2pPUFFRREFqQWpNU0V3SHdZRFZRUUREQmhyTTNNdGMyVnkKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo="},"type":"Opaque"}
                """, i));
        }

        return Encoding.UTF8.GetBytes(builder.Append("]}").ToString());
    }

    /// <summary>Fills a template's placeholders for item <paramref name="i"/> (names, uids, resource versions, IPs vary).</summary>
    private static string Fill(string template, int i) => template.Trim()
        .Replace("§n", i.ToString("D5", CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("§rv", (918000 + i).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("§a", (i % 250).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("§b", (i * 7 % 250).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>A timestamped application log; about one line in fifty carries something to mask.</summary>
    public static byte[] Log(int size = 10 * OneMegabyte)
    {
        var builder = new StringBuilder(size + 256);
        for (var i = 0; builder.Length < size; i++)
        {
            var ts = $"2025-11-26T18:{(i / 60) % 60:D2}:{i % 60:D2}.{i % 1000:D3}Z";
            builder.Append(ts);
            switch (i % 50)
            {
                case 7:
                    builder.Append(CultureInfo.InvariantCulture, $" INFO  checkout order ORD-2025-{i:D6} paid by jane.doe@example.com card 4111 1111 1111 1111\n");
                    break;
                case 23:
                    builder.Append(" WARN  upstream call with Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N failed\n");
                    break;
                default:
                    builder.Append(CultureInfo.InvariantCulture, $" INFO  GET /api/v1/products/{i % 977} 200 {i % 97}ms trace=4bf92f3577b34da6a3ce929d0e0e{i % 10000:D4} client=10.244.{i % 250}.{i % 200} build 20251126.3\n");
                    break;
            }
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }
}
