# okmpc bench plots (generated; data inline). Redraw with: gnuplot plots.gp
$cost_vs_parties_0 << EOD
3 1.06689 0.866899 1.18967
5 1.30927 1.26522 1.95204
EOD
$cost_vs_parties_1 << EOD
15 13.2708 9.93897 29.8438
EOD
$cost_vs_parties_2 << EOD
100 1104.82 1028.77 1143.04
EOD
$cost_vs_parties_3 << EOD
3 2.71165 1.78228 5.94604
5 5.36814 4.32208 13.0635
EOD
$cost_vs_parties_4 << EOD
15 124.327 57.7367 149.317
EOD
$cost_vs_parties_5 << EOD
100 2486.44 2110.64 3253.59
EOD
$bytes_vs_parties_0 << EOD
3 212.5 212.5 212.5
5 330 330 330
EOD
$bytes_vs_parties_1 << EOD
15 959.091 959.091 959.091
EOD
$bytes_vs_parties_2 << EOD
100 4900.75 4900.75 4900.75
EOD
$bytes_vs_parties_3 << EOD
3 209.5 209.5 209.5
5 324.667 324.667 324.667
EOD
$bytes_vs_parties_4 << EOD
15 937.273 937.273 937.273
EOD
$bytes_vs_parties_5 << EOD
100 4766.78 4766.78 4766.78
EOD
$wall_vs_latency_0 << EOD
0 1.02493 0.779048 1.11774
EOD
$wall_vs_latency_1 << EOD
0 0.517605 0.473263 0.746275
EOD
$wall_vs_latency_2 << EOD
0 2.1374 1.702 2.5066
EOD
$wall_vs_latency_3 << EOD
0 12.1934 10.6532 12.2082
EOD
$wall_vs_latency_4 << EOD
0 2.66071 1.74771 2.89093
EOD
$wall_vs_latency_5 << EOD
0 2.3463 2.18023 2.3731
EOD
$wall_vs_latency_6 << EOD
0 7.54358 6.1759 9.08071
EOD
$wall_vs_latency_7 << EOD
0 36.5856 35.4596 53.8532
EOD
set encoding utf8
set termoption noenhanced
set datafile separator whitespace
set terminal pngcairo size 1200,700 noenhanced font "DejaVu Sans,11"
set output "cost_vs_parties.png"
set title "Compute cost vs parties: compute time of all parties for one run (median, bars: min-max)"
set xlabel "parties n"
set ylabel "compute time, all parties (ms)"
set logscale x
set logscale y
set xtics (3, 5, 15, 100)
set xrange [2.4:125]
set key top left Left reverse box opaque
set grid
set offsets 0, 0, graph 0.05, graph 0.05
plot $cost_vs_parties_0 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "frost secp256k1 sign, t = 3/5 n", \
     $cost_vs_parties_1 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "frost secp256k1 sign, t = 11", \
     $cost_vs_parties_2 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "frost secp256k1 sign, t = 67", \
     $cost_vs_parties_3 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "frost ed25519 sign, t = 3/5 n", \
     $cost_vs_parties_4 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "frost ed25519 sign, t = 11", \
     $cost_vs_parties_5 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "frost ed25519 sign, t = 67", \
     0.0326054 with lines dt 2 lw 2 title "baseline: libsodium crypto_sign_detached (Ed25519) (one party)", \
     0.168508 with lines dt 2 lw 2 title "baseline: libsecp256k1 secp256k1_ecdsa_sign (one party)"
unset output
set terminal pngcairo size 1200,700 noenhanced font "DejaVu Sans,11"
set output "bytes_vs_parties.png"
set title "Communication vs parties: bytes sent per party in one run (median, bars: min-max)"
set xlabel "parties n"
set ylabel "bytes sent per party (bytes)"
set logscale x
set logscale y
set xtics (3, 5, 15, 100)
set xrange [2.4:125]
set key top left Left reverse box opaque
set grid
set offsets 0, 0, graph 0.05, graph 0.05
plot $bytes_vs_parties_0 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "frost secp256k1 sign, t = 3/5 n", \
     $bytes_vs_parties_1 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "frost secp256k1 sign, t = 11", \
     $bytes_vs_parties_2 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "frost secp256k1 sign, t = 67", \
     $bytes_vs_parties_3 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "frost ed25519 sign, t = 3/5 n", \
     $bytes_vs_parties_4 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "frost ed25519 sign, t = 11", \
     $bytes_vs_parties_5 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "frost ed25519 sign, t = 67"
unset output
set terminal pngcairo size 1200,700 noenhanced font "DejaVu Sans,11"
set output "wall_vs_latency.png"
set title "Simulated wall time vs network latency (median, bars: min-max)"
set xlabel "one-way link latency (ms)"
set ylabel "simulated wall time of one run (ms)"
unset logscale x
unset logscale y
set xtics (0)
set xrange [-1:1]
set key top left Left reverse box opaque
set grid
set offsets 0, 0, graph 0.05, graph 0.05
plot $wall_vs_latency_0 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "frost secp256k1 sign, 2-of-3", \
     $wall_vs_latency_1 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "frost secp256k1 sign, 3-of-5", \
     $wall_vs_latency_2 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "frost secp256k1 sign, 11-of-15", \
     $wall_vs_latency_3 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "frost secp256k1 sign, 67-of-100", \
     $wall_vs_latency_4 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "frost ed25519 sign, 2-of-3", \
     $wall_vs_latency_5 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "frost ed25519 sign, 3-of-5", \
     $wall_vs_latency_6 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "frost ed25519 sign, 11-of-15", \
     $wall_vs_latency_7 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "frost ed25519 sign, 67-of-100"
unset output
set terminal svg size 1200,700 dynamic noenhanced font "DejaVu Sans,11"
set output "cost_vs_parties.svg"
set title "Compute cost vs parties: compute time of all parties for one run (median, bars: min-max)"
set xlabel "parties n"
set ylabel "compute time, all parties (ms)"
set logscale x
set logscale y
set xtics (3, 5, 15, 100)
set xrange [2.4:125]
set key top left Left reverse box opaque
set grid
set offsets 0, 0, graph 0.05, graph 0.05
plot $cost_vs_parties_0 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "frost secp256k1 sign, t = 3/5 n", \
     $cost_vs_parties_1 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "frost secp256k1 sign, t = 11", \
     $cost_vs_parties_2 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "frost secp256k1 sign, t = 67", \
     $cost_vs_parties_3 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "frost ed25519 sign, t = 3/5 n", \
     $cost_vs_parties_4 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "frost ed25519 sign, t = 11", \
     $cost_vs_parties_5 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "frost ed25519 sign, t = 67", \
     0.0326054 with lines dt 2 lw 2 title "baseline: libsodium crypto_sign_detached (Ed25519) (one party)", \
     0.168508 with lines dt 2 lw 2 title "baseline: libsecp256k1 secp256k1_ecdsa_sign (one party)"
unset output
set terminal svg size 1200,700 dynamic noenhanced font "DejaVu Sans,11"
set output "bytes_vs_parties.svg"
set title "Communication vs parties: bytes sent per party in one run (median, bars: min-max)"
set xlabel "parties n"
set ylabel "bytes sent per party (bytes)"
set logscale x
set logscale y
set xtics (3, 5, 15, 100)
set xrange [2.4:125]
set key top left Left reverse box opaque
set grid
set offsets 0, 0, graph 0.05, graph 0.05
plot $bytes_vs_parties_0 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "frost secp256k1 sign, t = 3/5 n", \
     $bytes_vs_parties_1 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "frost secp256k1 sign, t = 11", \
     $bytes_vs_parties_2 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "frost secp256k1 sign, t = 67", \
     $bytes_vs_parties_3 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "frost ed25519 sign, t = 3/5 n", \
     $bytes_vs_parties_4 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "frost ed25519 sign, t = 11", \
     $bytes_vs_parties_5 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "frost ed25519 sign, t = 67"
unset output
set terminal svg size 1200,700 dynamic noenhanced font "DejaVu Sans,11"
set output "wall_vs_latency.svg"
set title "Simulated wall time vs network latency (median, bars: min-max)"
set xlabel "one-way link latency (ms)"
set ylabel "simulated wall time of one run (ms)"
unset logscale x
unset logscale y
set xtics (0)
set xrange [-1:1]
set key top left Left reverse box opaque
set grid
set offsets 0, 0, graph 0.05, graph 0.05
plot $wall_vs_latency_0 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "frost secp256k1 sign, 2-of-3", \
     $wall_vs_latency_1 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "frost secp256k1 sign, 3-of-5", \
     $wall_vs_latency_2 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "frost secp256k1 sign, 11-of-15", \
     $wall_vs_latency_3 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "frost secp256k1 sign, 67-of-100", \
     $wall_vs_latency_4 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "frost ed25519 sign, 2-of-3", \
     $wall_vs_latency_5 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "frost ed25519 sign, 3-of-5", \
     $wall_vs_latency_6 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "frost ed25519 sign, 11-of-15", \
     $wall_vs_latency_7 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "frost ed25519 sign, 67-of-100"
unset output
