# okmpc bench plots (generated; data inline). Redraw with: gnuplot plots.gp
$cost_vs_parties_0 << EOD
3 4.80492 4.69285 8.79173
5 25.8935 13.4617 32.6121
9 80.6026 55.9292 109.877
EOD
$cost_vs_parties_1 << EOD
3 239.417 142.27 261.621
5 780.646 589.231 928.012
9 2741.27 2478 2956.53
EOD
$bytes_vs_parties_0 << EOD
3 63996 63996 63996
5 127992 127992 127992
9 255984 255984 255984
EOD
$bytes_vs_parties_1 << EOD
3 41922 41922 41922
5 83844 83844 83844
9 167688 167688 167688
EOD
$wall_vs_latency_0 << EOD
0 2.46973 2.40884 3.32523
EOD
$wall_vs_latency_1 << EOD
0 4.83427 4.44626 6.96882
EOD
$wall_vs_latency_2 << EOD
0 10.5591 8.96973 12.7188
EOD
$wall_vs_latency_3 << EOD
0 46.1598 45.7757 51.8419
EOD
$wall_vs_latency_4 << EOD
0 97.1192 95.9053 112.564
EOD
$wall_vs_latency_5 << EOD
0 233.41 212.158 280.108
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
set xtics (3, 5, 9)
set xrange [2.4:11.25]
set key top left Left reverse box opaque
set grid
set offsets 0, 0, graph 0.05, graph 0.05
plot $cost_vs_parties_0 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "ecdsa secp256k1 sign, t = 5/9 n", \
     $cost_vs_parties_1 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "ecdsa secp256k1 setup, t = 5/9 n", \
     0.0946625 with lines dt 2 lw 2 title "baseline: libsecp256k1 secp256k1_ecdsa_sign (one party)"
unset output
set terminal pngcairo size 1200,700 noenhanced font "DejaVu Sans,11"
set output "bytes_vs_parties.png"
set title "Communication vs parties: bytes sent per party in one run (median, bars: min-max)"
set xlabel "parties n"
set ylabel "bytes sent per party (bytes)"
set logscale x
set logscale y
set xtics (3, 5, 9)
set xrange [2.4:11.25]
set key top left Left reverse box opaque
set grid
set offsets 0, 0, graph 0.05, graph 0.05
plot $bytes_vs_parties_0 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "ecdsa secp256k1 sign, t = 5/9 n", \
     $bytes_vs_parties_1 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "ecdsa secp256k1 setup, t = 5/9 n"
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
plot $wall_vs_latency_0 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "ecdsa secp256k1 sign, 2-of-3", \
     $wall_vs_latency_1 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "ecdsa secp256k1 sign, 3-of-5", \
     $wall_vs_latency_2 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "ecdsa secp256k1 sign, 5-of-9", \
     $wall_vs_latency_3 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "ecdsa secp256k1 setup, 2-of-3", \
     $wall_vs_latency_4 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "ecdsa secp256k1 setup, 3-of-5", \
     $wall_vs_latency_5 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "ecdsa secp256k1 setup, 5-of-9"
unset output
set terminal svg size 1200,700 dynamic noenhanced font "DejaVu Sans,11"
set output "cost_vs_parties.svg"
set title "Compute cost vs parties: compute time of all parties for one run (median, bars: min-max)"
set xlabel "parties n"
set ylabel "compute time, all parties (ms)"
set logscale x
set logscale y
set xtics (3, 5, 9)
set xrange [2.4:11.25]
set key top left Left reverse box opaque
set grid
set offsets 0, 0, graph 0.05, graph 0.05
plot $cost_vs_parties_0 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "ecdsa secp256k1 sign, t = 5/9 n", \
     $cost_vs_parties_1 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "ecdsa secp256k1 setup, t = 5/9 n", \
     0.0946625 with lines dt 2 lw 2 title "baseline: libsecp256k1 secp256k1_ecdsa_sign (one party)"
unset output
set terminal svg size 1200,700 dynamic noenhanced font "DejaVu Sans,11"
set output "bytes_vs_parties.svg"
set title "Communication vs parties: bytes sent per party in one run (median, bars: min-max)"
set xlabel "parties n"
set ylabel "bytes sent per party (bytes)"
set logscale x
set logscale y
set xtics (3, 5, 9)
set xrange [2.4:11.25]
set key top left Left reverse box opaque
set grid
set offsets 0, 0, graph 0.05, graph 0.05
plot $bytes_vs_parties_0 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "ecdsa secp256k1 sign, t = 5/9 n", \
     $bytes_vs_parties_1 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "ecdsa secp256k1 setup, t = 5/9 n"
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
plot $wall_vs_latency_0 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "ecdsa secp256k1 sign, 2-of-3", \
     $wall_vs_latency_1 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "ecdsa secp256k1 sign, 3-of-5", \
     $wall_vs_latency_2 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "ecdsa secp256k1 sign, 5-of-9", \
     $wall_vs_latency_3 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "ecdsa secp256k1 setup, 2-of-3", \
     $wall_vs_latency_4 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "ecdsa secp256k1 setup, 3-of-5", \
     $wall_vs_latency_5 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title "ecdsa secp256k1 setup, 5-of-9"
unset output
